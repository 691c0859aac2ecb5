import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminOrderReservationsResponse, ReservedLine } from "../../../../../../types/foundation"

/**
 * GET /admin/oms/orders/:id/reservations: where the order's units are held, by stock
 * location. Three queries whatever the order's size.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderReservationsResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "items.*", "items.detail.fulfilled_quantity"],
    filters: { id: req.params.id },
  })
  const order = orders[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }

  const items = (order.items ?? []).filter(Boolean) as Array<{
    id: string
    title: string
    variant_sku?: string | null
    quantity: number
    detail?: { fulfilled_quantity?: number | string | null } | null
  }>
  const fulfilledOf = (i: (typeof items)[number]) => Number(i.detail?.fulfilled_quantity ?? 0)
  const itemsById = new Map(items.map((i) => [i.id, i]))
  const { data: reservations } = items.length
    ? await query.graph({
        entity: "reservation_item",
        fields: ["id", "line_item_id", "location_id", "quantity"],
        filters: { line_item_id: items.map((i) => i.id) },
      })
    : { data: [] as any[] }

  const locationIds = [...new Set(reservations.map((r) => r.location_id))]
  const { data: locations } = locationIds.length
    ? await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: locationIds } })
    : { data: [] as any[] }
  const nameOf = new Map(locations.map((l) => [l.id, l.name]))

  const byLocation = new Map<string, ReservedLine[]>()
  for (const r of reservations) {
    const item = itemsById.get(r.line_item_id!)
    const lines = byLocation.get(r.location_id) ?? []
    lines.push({
      line_item_id: r.line_item_id!,
      title: item?.title ?? "",
      sku: item?.variant_sku ?? null,
      quantity: Number(r.quantity),
    })
    byLocation.set(r.location_id, lines)
  }

  const reservedByLine = new Map<string, number>()
  for (const r of reservations) {
    reservedByLine.set(r.line_item_id!, (reservedByLine.get(r.line_item_id!) ?? 0) + Number(r.quantity))
  }

  res.json({
    order_id: order.id,
    display_id: order.display_id,
    locations: [...byLocation.entries()]
      .map(([location_id, lines]) => ({
        location_id,
        name: nameOf.get(location_id) ?? location_id,
        units: lines.reduce((sum, l) => sum + l.quantity, 0),
        lines,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    /** Units already fulfilled (their reservations were consumed by the fulfilment). */
    fulfilled: items
      .map((i) => ({ line_item_id: i.id, title: i.title, sku: i.variant_sku ?? null, quantity: fulfilledOf(i) }))
      .filter((l) => l.quantity > 0),
    /** Units neither fulfilled nor reserved anywhere. */
    unreserved: items
      .map((i) => ({
        line_item_id: i.id,
        title: i.title,
        sku: i.variant_sku ?? null,
        quantity: Number(i.quantity) - fulfilledOf(i) - (reservedByLine.get(i.id) ?? 0),
      }))
      .filter((l) => l.quantity > 0),
  })
}

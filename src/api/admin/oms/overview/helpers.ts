import { getLastFulfillmentStatus } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StockAtLocation } from "../../../../types/foundation"

/** How far back "orders by fulfillment status" looks: the working set of a warehouse. */
export const FULFILLMENT_WINDOW_DAYS = 30
const PAGE = 500

export async function countOrdersSince(scope: MedusaContainer, since: Date): Promise<number> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { metadata } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { created_at: { $gte: since } },
    pagination: { take: 1, skip: 0 },
  })
  return metadata?.count ?? 0
}

/** Orders placed since `since`, counted by Medusa's own fulfillment status; paged, not per order. */
export async function countByFulfillmentStatus(
  scope: MedusaContainer,
  since: Date
): Promise<{ orders: number; by_status: Record<string, number> }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const byStatus: Record<string, number> = {}
  let orders = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data, metadata } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "items.*",
        "items.detail.*",
        "fulfillments.packed_at",
        "fulfillments.shipped_at",
        "fulfillments.delivered_at",
        "fulfillments.canceled_at",
      ],
      filters: { created_at: { $gte: since } },
      pagination: { take: PAGE, skip, order: { created_at: "ASC" } },
    })
    for (const order of data) {
      const status =
        order.status === "canceled" ? "canceled" : getLastFulfillmentStatus(order as never)
      byStatus[status] = (byStatus[status] ?? 0) + 1
      orders++
    }
    if (!data.length || skip + PAGE >= (metadata?.count ?? 0)) break
  }
  return { orders, by_status: byStatus }
}

/** Units stocked, reserved and available per stock location (one pass over inventory levels). */
export async function stockByLocation(scope: MedusaContainer): Promise<StockAtLocation[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: locations }, { data: levels }] = await Promise.all([
    query.graph({ entity: "stock_location", fields: ["id", "name"] }),
    query.graph({
      entity: "inventory_level",
      fields: ["location_id", "stocked_quantity", "reserved_quantity"],
    }),
  ])
  const totals = new Map<string, StockAtLocation>(
    locations.map((l) => [
      l.id,
      { location_id: l.id, name: l.name, items: 0, stocked: 0, reserved: 0, available: 0 },
    ])
  )
  for (const level of levels) {
    const row = totals.get(level.location_id)
    if (!row) continue
    row.items++
    row.stocked += Number(level.stocked_quantity)
    row.reserved += Number(level.reserved_quantity)
  }
  return [...totals.values()]
    .map((row) => ({ ...row, available: row.stocked - row.reserved }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Waits until every order has a routing decision (the subscriber runs after order.placed),
 * so a test or a database snapshot never races the background routing.
 */
export async function waitForDecisions(container: MedusaContainer, orderIds: string[], timeoutMs = 60_000) {
  const routing = container.resolve("oms_routing") as any
  const until = Date.now() + timeoutMs
  for (;;) {
    const decisions = await routing.listRoutingDecisions({ order_id: orderIds }, { take: null })
    if (decisions.length >= new Set(orderIds).size) return decisions
    if (Date.now() > until) {
      throw new Error(`only ${decisions.length} of ${orderIds.length} orders were routed within ${timeoutMs} ms`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The order's reservations as { location name: { sku: units } }. */
export async function reservedBySku(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "items.*"], filters: { id: orderId } })
  const items = (order.items ?? []) as any[]
  const inventory = container.resolve(Modules.INVENTORY)
  const reservations = await inventory.listReservationItems({ line_item_id: items.map((i) => i.id) }, { take: null })
  const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id", "name"] })
  const name = new Map(locations.map((l: any) => [l.id, l.name]))
  const skuOf = new Map(items.map((i) => [i.id, i.variant_sku]))
  const out: Record<string, Record<string, number>> = {}
  for (const r of reservations) {
    const loc = name.get(r.location_id) ?? r.location_id
    const sku = skuOf.get(r.line_item_id!) ?? r.line_item_id!
    out[loc] = out[loc] ?? {}
    out[loc][sku] = (out[loc][sku] ?? 0) + Number(r.quantity)
  }
  return out
}

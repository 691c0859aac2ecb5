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

/** Waits until the order's decision reaches `status` (stock-arrival retries run in the background). */
export async function waitForDecisionStatus(container: MedusaContainer, orderId: string, status: string, timeoutMs = 30_000) {
  const routing = container.resolve("oms_routing") as any
  const until = Date.now() + timeoutMs
  for (;;) {
    const [decision] = await routing.listRoutingDecisions({ order_id: orderId })
    if (decision?.status === status || Date.now() > until) return decision
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Sets a demo item's stocked quantity at each of its existing levels (location key -> units; missing keys: 0). */
export async function setStock(
  container: MedusaContainer,
  store: { inventory_items: Record<string, string>; locations: Record<string, string> },
  sku: string,
  perLocation: Record<string, number>
) {
  const inventory = container.resolve(Modules.INVENTORY)
  const item = store.inventory_items[sku]
  const levels = await inventory.listInventoryLevels({ inventory_item_id: item })
  await inventory.updateInventoryLevels(
    levels.map((l) => {
      const key = Object.entries(store.locations).find(([, id]) => id === l.location_id)![0]
      return { inventory_item_id: item, location_id: l.location_id, stocked_quantity: perLocation[key] ?? 0 }
    })
  )
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"

/**
 * Orders placed between `since` and `until` that have no routing decision: their order.placed
 * was never routed (a worker killed mid-routing whose retry ran into the dead worker's order
 * lock, an event lost with Redis, a subscriber that failed). Two batched queries.
 */
export async function findUnroutedOrders(container: MedusaContainer, since: Date, until: Date): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "status", "is_draft_order"],
    filters: { created_at: { $gte: since, $lte: until } } as any,
  })
  const candidates = (orders as { id: string; status: string; is_draft_order?: boolean }[])
    .filter((o) => !o.is_draft_order && !["canceled", "draft", "archived"].includes(o.status))
    .map((o) => o.id)
  if (!candidates.length) return []
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  const decided = await routing.listRoutingDecisions({ order_id: candidates }, { select: ["order_id"], take: null, withDeleted: false } as any)
  const has = new Set(decided.map((d: { order_id: string }) => d.order_id))
  return candidates.filter((id) => !has.has(id))
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"

/** How many orders one sweep routes at most; the next sweep takes the rest. */
export const SWEEP_BATCH = 200

/**
 * Orders placed between `since` and `until` that have no routing decision: their order.placed
 * was never routed (a worker killed mid-routing whose retry ran into the dead worker's order
 * lock, an event lost with Redis, a subscriber that failed). One anti-join in the routing
 * module, at most `limit` of them, oldest first.
 */
export async function findUnroutedOrders(
  container: MedusaContainer,
  since: Date,
  until: Date,
  limit = SWEEP_BATCH
): Promise<string[]> {
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  return routing.unroutedOrderIds({ since, until, limit })
}

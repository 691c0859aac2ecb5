import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../modules/routing"
import { waitingFor, WAITING_STATUSES } from "../workflows/routing/utils/waiting-for-stock"
import { routeOrderWorkflow } from "../workflows/routing/workflows/route-order"

/**
 * Stock arrived or changed somewhere: orders held, backordered or partly routed for lack of
 * that item are routed again, oldest first, one at a time (each under its own order lock).
 */
export default async function retryWaitingOrders({ event, container }: SubscriberArgs<{ id: string }>) {
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  if (!routing.getOmsOptions().routing.enabled) return
  const inventory = container.resolve(Modules.INVENTORY)
  const [level] = await inventory.listInventoryLevels({ id: event.data.id }, { select: ["inventory_item_id"] })
  if (!level) return

  const decisions = await routing.listRoutingDecisions(
    { status: [...WAITING_STATUSES] },
    { select: ["order_id", "created_at", "plan"], take: null }
  )
  for (const decision of waitingFor(decisions, [level.inventory_item_id])) {
    await routeOrderWorkflow(container).run({
      input: { order_id: decision.order_id, force: true, only_if_changed: true, actor: "system (stock arrived)" },
    })
  }
}

export const config: SubscriberConfig = {
  event: ["inventory-level.updated", "inventory-level.created"],
  context: { subscriberId: "oms-retry-waiting-orders" },
}

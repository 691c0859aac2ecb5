import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ROUTING_MODULE, RoutingModuleService } from "../modules/routing"
import { routeOrderWorkflow } from "../workflows/routing/workflows/route-order"

/** order.placed -> route the order. Duplicates are no-ops: the workflow skips routed orders. */
export default async function routePlacedOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const { routing } = container.resolve<RoutingModuleService>(ROUTING_MODULE).getOmsOptions()
  if (!routing.enabled) return
  await routeOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "oms-route-placed-order" },
}

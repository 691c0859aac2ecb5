import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { RoutingEvents } from "../workflows/routing/events"
import { shadowPlanOrderWorkflow } from "../workflows/routing/workflows/shadow-plan-order"

/**
 * A decision was made (routed, held or backordered) -> compare it with the drafts in shadow.
 * Repeated events update the same rows, so every order counts once.
 */
export default async function shadowPlanOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  await shadowPlanOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: [RoutingEvents.ORDER_ROUTED, RoutingEvents.ORDER_HELD, RoutingEvents.ORDER_BACKORDERED],
  context: { subscriberId: "oms-shadow-plan-order" },
}

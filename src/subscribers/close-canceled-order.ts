import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { closeRoutingDecisionWorkflow } from "../workflows/routing/workflows/close-routing-decision"

/** order.canceled -> close the routing decision (idempotent). */
export default async function closeCanceledOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  await closeRoutingDecisionWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "oms-close-canceled-order" },
}

import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { settleFulfilledOrderWorkflow } from "../workflows/routing/workflows/settle-fulfilled-order"

/** order.fulfillment_created -> settle the decision once the whole order is fulfilled (idempotent). */
export default async function settleFulfilledOrder({ event, container }: SubscriberArgs<{ order_id: string }>) {
  if (!event.data?.order_id) return
  await settleFulfilledOrderWorkflow(container).run({ input: { order_id: event.data.order_id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "oms-settle-fulfilled-order" },
}

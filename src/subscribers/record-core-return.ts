import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { recordCoreReturnWorkflow } from "../workflows/returns/workflows/record-core-return"

/**
 * order.return_requested -> a case for a return made through Medusa's own routes. The
 * plugin's own requests have their case already; a repeated event writes nothing (the workflow
 * checks first, under the order lock).
 */
export default async function recordCoreReturn({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  if (!event.data?.order_id || !event.data?.return_id) return
  await recordCoreReturnWorkflow(container).run({ input: { order_id: event.data.order_id, return_id: event.data.return_id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_REQUESTED,
  context: { subscriberId: "oms-record-core-return" },
}

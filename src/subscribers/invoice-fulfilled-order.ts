import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { issueInvoiceWorkflow } from "../workflows/documents/workflows/issue-invoice"

/** order.fulfillment_created -> the order's invoice, when the store invoices on fulfillment (once per order). */
export default async function invoiceFulfilledOrder({ event, container }: SubscriberArgs<{ order_id: string }>) {
  if (!event.data?.order_id) return
  await issueInvoiceWorkflow(container).run({ input: { order_id: event.data.order_id, trigger: "fulfillment" } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "oms-invoice-fulfilled-order" },
}

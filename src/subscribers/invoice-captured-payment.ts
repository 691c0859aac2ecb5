import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { issueInvoiceWorkflow } from "../workflows/documents/workflows/issue-invoice"
import { paymentOrder } from "../workflows/documents/utils/order-facts"

/** payment.captured -> the order's invoice, when the store invoices on capture (once per order). */
export default async function invoiceCapturedPayment({ event, container }: SubscriberArgs<{ id: string }>) {
  const { order_id } = await paymentOrder(container, event.data.id)
  if (!order_id) return
  await issueInvoiceWorkflow(container).run({ input: { order_id, trigger: "capture" } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "oms-invoice-captured-payment" },
}

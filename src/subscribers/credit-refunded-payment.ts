import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { issueCreditNoteWorkflow } from "../workflows/documents/workflows/issue-credit-note"
import { paymentOrder } from "../workflows/documents/utils/order-facts"

/**
 * payment.refunded -> a credit note per refund of the payment (keyed by the refund, so a
 * repeated event or a second refund's event never credits a refund twice). Refunds after a
 * return arrive here too: Medusa's refundPaymentWorkflow emits this event.
 */
export default async function creditRefundedPayment({ event, container }: SubscriberArgs<{ id: string }>) {
  const { order_id, refunds } = await paymentOrder(container, event.data.id)
  if (!order_id) return
  for (const refund of refunds) {
    await issueCreditNoteWorkflow(container).run({
      input: { order_id, source_key: `refund:${refund.id}`, refund_id: refund.id, amount: refund.amount, reason: refund.note || "Refund" },
    })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "oms-credit-refunded-payment" },
}

import {
  beginExchangeOrderWorkflow,
  cancelBeginOrderExchangeWorkflow,
  cancelReturnWorkflow,
  confirmExchangeRequestWorkflow,
  createExchangeShippingMethodWorkflow,
  createOrderCreditLinesWorkflow,
  createOrUpdateOrderPaymentCollectionWorkflow,
  orderExchangeAddNewItemWorkflow,
  orderExchangeRequestItemReturnWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { RefundBreakdown } from "../../../lib/returns/types"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../modules/returns"
import { MONEY_EPSILON, orderMoney, roundMoney } from "./order-money"
import { refundNote } from "./resolution-refund"

export type ExchangeResult = {
  exchange_id: string
  /** What the customer's returned goods were worth to the exchange (the policy's total). */
  credit: number
  /** The fee and withheld part, kept with a negative credit line before the exchange. */
  kept_credit_line: number
  /** Price difference: > 0 refunded to the customer, < 0 left owed (Medusa's payment collection). */
  difference: number
  refunds: { id: string; payment_id: string; amount: number }[]
}

/**
 * Exchange through Medusa's exchange workflows, after inspection. Medusa's exchange needs an
 * inbound item, but the case's own return already brought the units back (received and
 * restocked): requesting them again would count them twice in the order's money. So the
 * exchange names the case's lines as inbound (Medusa's rule), is confirmed (the outbound
 * items get a shipping method and Medusa reserves them: this is the first time anything is
 * reserved for them), and its own inbound return is then canceled at once, which takes those
 * units back out of the order's books. The routing engine moves the new reservation where
 * it plans (resolveReturnWorkflow runs routing right after this).
 *
 * Money: what the policy withholds (fees, damaged units) is kept first with a negative credit
 * line, so the returned goods are worth exactly breakdown.total to the exchange; afterwards a
 * cheaper new item leaves the merchant owing the difference, refunded on the captured payment,
 * and a dearer one leaves the customer owing it (Medusa's pending difference, with a payment
 * collection). Each stage is recorded on the case, so a retry continues instead of redoing.
 */
export async function exchangeCase(
  container: MedusaContainer,
  row: { id: string; order_id: string; rma_code: string; exchange_id?: string | null; exchange_items?: unknown; lines?: any[] },
  breakdown: RefundBreakdown,
  actor: string | null = null
): Promise<ExchangeResult> {
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const wanted = ((row.exchange_items as { variant_id: string; quantity: number }[] | null) ?? []).filter((i) => i.quantity > 0)
  if (!wanted.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Return ${row.rma_code} asks for an exchange but names no new items.`)
  }

  // 1. Keep the policy's deductions, while Medusa still owes the whole returned value.
  const before = await orderMoney(container, row.order_id)
  const keptAlready = before.credit_lines.some((l) => l.reference_id === row.id && l.reference === "oms_return_exchange_kept")
  const kept = roundMoney(-before.pending_difference - breakdown.total)
  if (!row.exchange_id && !keptAlready && kept > MONEY_EPSILON) {
    await createOrderCreditLinesWorkflow(container).run({
      input: {
        id: row.order_id,
        credit_lines: [{ amount: -kept, reference: "oms_return_exchange_kept", reference_id: row.id, metadata: { return_case_id: row.id } }],
      },
    })
  }

  // 2. Medusa's exchange, confirmed (reserves the outbound items), its inbound canceled.
  let exchangeId = row.exchange_id ?? null
  if (!exchangeId) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "shipping_methods.shipping_option_id"],
      filters: { id: row.order_id },
    })
    const outboundOption = (data[0] as any)?.shipping_methods?.find((m: any) => m?.shipping_option_id)?.shipping_option_id
    if (!outboundOption) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${before.display_id} has no shipping method to send the exchange with.`)

    const { result: change } = await beginExchangeOrderWorkflow(container).run({
      input: { order_id: row.order_id, created_by: actor ?? undefined, internal_note: `Exchange for return ${row.rma_code}` },
    })
    exchangeId = (change as any).exchange_id as string
    await service.updateReturnCases({ id: row.id, exchange_id: exchangeId })
    try {
      const lines = row.lines ?? []
      await orderExchangeRequestItemReturnWorkflow(container).run({
        input: {
          exchange_id: exchangeId,
          // Medusa's type asks for it, but the workflow makes the exchange's own return.
          return_id: undefined as unknown as string,
          location_id: lines[0]?.destination_location_id ?? undefined,
          items: lines.map((l: any) => ({ id: l.order_line_item_id, quantity: Number(l.quantity) })),
        },
      })
      await orderExchangeAddNewItemWorkflow(container).run({
        input: { exchange_id: exchangeId, items: wanted.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity })) },
      })
      // Sending the replacement is on the house: the customer already paid shipping once.
      await createExchangeShippingMethodWorkflow(container).run({
        input: { exchange_id: exchangeId, shipping_option_id: outboundOption, custom_amount: 0 },
      })
      await confirmExchangeRequestWorkflow(container).run({ input: { exchange_id: exchangeId, confirmed_by: actor ?? undefined } })
    } catch (e) {
      // Nothing confirmed: the open exchange is taken away so a retry can start over.
      await cancelBeginOrderExchangeWorkflow(container)
        .run({ input: { exchange_id: exchangeId } })
        .catch(() => undefined)
      await service.updateReturnCases({ id: row.id, exchange_id: null })
      throw e
    }
  }
  const { data: exchanges } = await query.graph({
    entity: "order_exchange",
    fields: ["id", "return_id", "return.status"],
    filters: { id: exchangeId },
  })
  const inbound = (exchanges[0] as any)?.return
  if (inbound && inbound.status !== "canceled") {
    await cancelReturnWorkflow(container).run({ input: { return_id: (exchanges[0] as any).return_id, canceled_by: actor ?? undefined } })
  }

  // 3. The price difference, as Medusa now computes it.
  const after = await orderMoney(container, row.order_id)
  const note = refundNote(row.id)
  let owedToCustomer = roundMoney(-after.pending_difference)
  for (const payment of after.payments) {
    if (owedToCustomer <= MONEY_EPSILON) break
    const take = roundMoney(Math.min(owedToCustomer, payment.captured - payment.refunded))
    if (take <= MONEY_EPSILON) continue
    await refundPaymentWorkflow(container).run({ input: { payment_id: payment.id, amount: take, note, created_by: actor ?? undefined } })
    owedToCustomer = roundMoney(owedToCustomer - take)
  }
  if (after.pending_difference > MONEY_EPSILON) {
    await createOrUpdateOrderPaymentCollectionWorkflow(container).run({ input: { order_id: row.order_id } })
  }
  const final = await orderMoney(container, row.order_id)
  const refunds = final.payments.flatMap((p) =>
    p.refunds.filter((r) => r.note === note).map((r) => ({ id: r.id, payment_id: p.id, amount: r.amount }))
  )
  return {
    exchange_id: exchangeId,
    credit: breakdown.total,
    kept_credit_line: kept > MONEY_EPSILON ? -kept : 0,
    difference: roundMoney(-after.pending_difference),
    refunds,
  }
}

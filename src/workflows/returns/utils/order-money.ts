import { createOrderCreditLinesWorkflow } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Below this a difference is rounding, not money (major units). */
const EPSILON = 0.005

export const roundMoney = (n: number) => Math.round(n * 100) / 100

export type OrderPayment = {
  id: string
  currency_code: string
  captured: number
  refunded: number
  /** Refunds already made, with Medusa's note (the case key finds the resolution's own). */
  refunds: { id: string; amount: number; note: string | null }[]
}

export type OrderMoney = {
  id: string
  display_id: number | null
  currency_code: string
  customer_id: string | null
  /** Medusa's own customer record says whether this is an account or a guest checkout. */
  customer_has_account: boolean
  total: number
  /** Medusa's order summary: > 0 the customer owes, < 0 the merchant owes. */
  pending_difference: number
  payments: OrderPayment[]
  credit_lines: { id: string; amount: number; reference: string | null; reference_id: string | null }[]
}

/** The order's money as Medusa computes it right now: summary, payments, credit lines (one query). */
export async function orderMoney(container: MedusaContainer, orderId: string): Promise<OrderMoney> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "currency_code",
      "customer_id",
      "customer.has_account",
      "total",
      "summary.*",
      "credit_lines.*",
      "payment_collections.payments.id",
      "payment_collections.payments.currency_code",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.id",
      "payment_collections.payments.refunds.amount",
      "payment_collections.payments.refunds.note",
    ],
    filters: { id: orderId },
  })
  const order: any = data[0]
  if (!order) throw new Error(`Order ${orderId} was not found.`)
  const payments: OrderPayment[] = (order.payment_collections ?? [])
    .flatMap((c: any) => c?.payments ?? [])
    .filter(Boolean)
    .map((p: any) => {
      const refunds = (p.refunds ?? []).map((r: any) => ({ id: r.id, amount: Number(r.amount), note: r.note ?? null }))
      return {
        id: p.id,
        currency_code: p.currency_code,
        captured: roundMoney((p.captures ?? []).reduce((s: number, c: any) => s + Number(c.amount), 0)),
        refunded: roundMoney(refunds.reduce((s: number, r: { amount: number }) => s + r.amount, 0)),
        refunds,
      }
    })
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    currency_code: order.currency_code,
    customer_id: order.customer_id ?? null,
    customer_has_account: Boolean(order.customer?.has_account),
    total: roundMoney(Number(order.total ?? 0)),
    pending_difference: roundMoney(Number(order.summary?.pending_difference ?? 0)),
    payments,
    credit_lines: (order.credit_lines ?? []).map((l: any) => ({
      id: l.id,
      amount: roundMoney(Number(l.amount)),
      reference: l.reference ?? null,
      reference_id: l.reference_id ?? null,
    })),
  }
}

/**
 * Settles what Medusa still thinks the merchant owes after the resolution paid what the policy
 * allows: a negative order credit line of the pending difference, so the summary ends at 0 (the
 * restocking fee and withheld units stay with the merchant; store credit is paid elsewhere).
 * Idempotent by construction: once the difference is 0 there is nothing left to balance. A
 * positive difference (the customer owes, e.g. a dearer exchange) is left as Medusa computes it.
 */
export async function balanceOrderBooks(
  container: MedusaContainer,
  orderId: string,
  caseId: string,
  reference: string
): Promise<{ credit_line_id: string; amount: number } | null> {
  const money = await orderMoney(container, orderId)
  if (money.pending_difference > -EPSILON) return null
  const { result } = await createOrderCreditLinesWorkflow(container).run({
    input: {
      id: orderId,
      credit_lines: [{ amount: money.pending_difference, reference, reference_id: caseId, metadata: { return_case_id: caseId } }],
    },
  })
  const line: any = (result as any[])?.[0]
  return { credit_line_id: line?.id ?? null, amount: money.pending_difference }
}

export const MONEY_EPSILON = EPSILON

import { refundPaymentWorkflow } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { RefundBreakdown } from "../../../lib/returns/types"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../modules/returns"
import { balanceOrderBooks, MONEY_EPSILON, orderMoney, roundMoney } from "./order-money"

/** The note every refund of a case carries: how a retry finds what was already paid. */
export const refundNote = (caseId: string) => `oms-return:${caseId}`

export type RefundResult = {
  refunds: { id: string; payment_id: string; amount: number }[]
  refunded: number
  credit_line: { credit_line_id: string; amount: number } | null
}

/**
 * Pays a case's breakdown.total back on the order's captured payments through Medusa's
 * refundPaymentWorkflow, spread over several payments when one has not enough left (never
 * more than captured minus refunded), then balances the rest (fees, withheld units) with a
 * negative credit line. Each call is recorded on the case before it is made, and Medusa's
 * refunds carrying the case's note count as paid: a retry after a failure refunds only what
 * is still missing, never twice.
 *
 * Medusa's workflows run on their own here (not as nested steps): a refund cannot be taken
 * back, so a later failure must not compensate (delete) the order transaction it recorded.
 */
export async function refundCase(
  container: MedusaContainer,
  row: { id: string; order_id: string; rma_code: string },
  breakdown: RefundBreakdown,
  actor: string | null
): Promise<RefundResult> {
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const note = refundNote(row.id)
  const money = await orderMoney(container, row.order_id)
  const paidBefore = roundMoney(
    money.payments.flatMap((p) => p.refunds).filter((r) => r.note === note).reduce((s, r) => s + r.amount, 0)
  )
  let left = roundMoney(breakdown.total - paidBefore)

  if (left > MONEY_EPSILON) {
    const plan: { payment_id: string; amount: number }[] = []
    for (const payment of money.payments) {
      const room = roundMoney(payment.captured - payment.refunded)
      const take = roundMoney(Math.min(room, left))
      if (take <= MONEY_EPSILON) continue
      plan.push({ payment_id: payment.id, amount: take })
      left = roundMoney(left - take)
      if (left <= MONEY_EPSILON) break
    }
    if (left > MONEY_EPSILON) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${money.display_id ?? row.order_id} has only ${roundMoney(breakdown.total - paidBefore - left).toFixed(2)} ${money.currency_code.toUpperCase()} captured and not yet refunded; return ${row.rma_code} needs ${roundMoney(breakdown.total - paidBefore).toFixed(2)}.`
      )
    }
    // Recorded before the calls: if the process dies between them, the note still finds them.
    await service.updateReturnCases({ id: row.id, resolution_result: { kind: "refund", planned: plan, note } })
    for (const call of plan) {
      await refundPaymentWorkflow(container).run({
        input: { payment_id: call.payment_id, amount: call.amount, note, created_by: actor ?? undefined },
      })
    }
  }

  const after = await orderMoney(container, row.order_id)
  const refunds = after.payments.flatMap((p) =>
    p.refunds.filter((r) => r.note === note).map((r) => ({ id: r.id, payment_id: p.id, amount: r.amount }))
  )
  const credit_line = await balanceOrderBooks(container, row.order_id, row.id, "oms_return_refund")
  return { refunds, refunded: roundMoney(refunds.reduce((s, r) => s + r.amount, 0)), credit_line }
}

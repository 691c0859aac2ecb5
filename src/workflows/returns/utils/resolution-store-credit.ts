import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { storeCreditLockKey } from "../../../lib/locks/lock-keys"
import type { RefundBreakdown } from "../../../lib/returns/types"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../modules/returns"
import { balanceOrderBooks, MONEY_EPSILON, orderMoney } from "./order-money"

/** The ledger key of a case's store credit: one issue per case, however often it runs. */
export const issueKey = (caseId: string) => `return:${caseId}`

export type StoreCreditResult = {
  entry_id: string | null
  amount: number
  customer_id: string
  credit_line: { credit_line_id: string; amount: number } | null
}

/**
 * Pays a case's breakdown.total as store credit: one `issue` entry in the plugin's ledger
 * (`return:<case>`, under the customer's store-credit lock so a checkout spending at the same
 * moment sees it or not, never half), then the order's books balanced with a negative credit
 * line for everything Medusa still thinks it owes (the credit is paid outside Medusa's books).
 * A guest checkout has no account to hold credit: refused with a sentence.
 */
export async function issueCaseStoreCredit(
  container: MedusaContainer,
  row: { id: string; order_id: string; rma_code: string },
  breakdown: RefundBreakdown
): Promise<StoreCreditResult> {
  const money = await orderMoney(container, row.order_id)
  if (!money.customer_id || !money.customer_has_account) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Return ${row.rma_code} is for a guest order (no customer account), so it cannot be paid as store credit; resolve it as a refund instead.`
    )
  }
  const customerId = money.customer_id
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  let entryId: string | null = null
  if (breakdown.total > MONEY_EPSILON) {
    const { entry } = await locking.execute(storeCreditLockKey(customerId, money.currency_code), () =>
      service.recordStoreCredit({
        customer_id: customerId,
        currency_code: money.currency_code,
        amount: breakdown.total,
        kind: "issue",
        idempotency_key: issueKey(row.id),
        reference_type: "return_case",
        reference_id: row.id,
        note: `Return ${row.rma_code}`,
      })
    )
    entryId = entry.id
  }
  const credit_line = await balanceOrderBooks(container, row.order_id, row.id, "oms_return_store_credit")
  return { entry_id: entryId, amount: breakdown.total, customer_id: customerId, credit_line }
}

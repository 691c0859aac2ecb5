import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundBreakdown } from "../../../lib/returns/refund"
import type { RefundBreakdown } from "../../../lib/returns/types"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../modules/returns"
import { CASE_RELATIONS, caseView } from "../utils/case-view"
import { exchangeCase } from "../utils/resolution-exchange"
import { refundCase } from "../utils/resolution-refund"
import { issueCaseStoreCredit } from "../utils/resolution-store-credit"

export const releaseResolutionStepId = "oms-release-resolution"

export type ReleasedResolution =
  | { done: true; id: string; order_id: string; return_id: string | null; resolution: string; amount: number }
  | { done: false; id: string; error: string }

/**
 * Releases what the inspected case earned, by its resolution: refund, store credit or
 * exchange. The case holds the claim (pending). Success writes the breakdown, the result
 * (ids and amounts), done, resolved_at and status resolved; a failure writes failed and a
 * sentence, and the admin's retry runs this again (each payout finds what it already did).
 * Errors are kept here rather than thrown: nothing already paid may be compensated.
 */
export const releaseResolutionStep = createStep(
  releaseResolutionStepId,
  async (input: { return_case_id: string; actor?: string | null }, { container }) => {
    const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const row: any = await service.retrieveReturnCase(input.return_case_id, { relations: CASE_RELATIONS })
    let breakdown: RefundBreakdown | null = null
    try {
      const view = caseView(row)
      breakdown = refundBreakdown({
        currency_code: row.currency_code,
        lines: view.lines,
        inspections: view.inspections,
        terms: row.terms,
      })
      await service.updateReturnCases({ id: row.id, breakdown })
      const result = await payOut(container, row, breakdown, input.actor ?? null)
      await service.updateReturnCases({
        id: row.id,
        breakdown,
        resolution_result: result,
        resolution_status: "done",
        resolution_error: null,
        resolved_at: new Date(),
        status: "resolved",
      })
      const released: ReleasedResolution = {
        done: true,
        id: row.id,
        order_id: row.order_id,
        return_id: row.return_id ?? null,
        resolution: row.resolution,
        amount: breakdown.total,
      }
      return new StepResponse<ReleasedResolution>(released)
    } catch (e) {
      const error = sentenceOf(e, row.rma_code)
      await service.markResolutionFailed(row.id, error)
      const failed: ReleasedResolution = { done: false, id: row.id, error }
      return new StepResponse<ReleasedResolution>(failed)
    }
  }
)

async function payOut(container: any, row: any, breakdown: RefundBreakdown, actor: string | null) {
  switch (row.resolution) {
    case "refund":
      return { kind: "refund", amount: breakdown.total, ...(await refundCase(container, row, breakdown, actor)) }
    case "store_credit":
      return { kind: "store_credit", ...(await issueCaseStoreCredit(container, row, breakdown)) }
    case "exchange":
      return { kind: "exchange", amount: breakdown.total, ...(await exchangeCase(container, row, breakdown, actor)) }
    default:
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Return ${row.rma_code} has no resolution Medusa-oms knows (${row.resolution}).`)
  }
}

/** Medusa's own message is a sentence already; say which return it was about. */
function sentenceOf(e: unknown, rmaCode: string): string {
  const message = (e as { message?: string } | null)?.message ?? String(e)
  return `Resolving return ${rmaCode} failed: ${message}`
}

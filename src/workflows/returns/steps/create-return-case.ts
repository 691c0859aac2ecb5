import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import type { ReturnPlan } from "../utils/return-plan"

export const createReturnCaseStepId = "oms-create-return-case"

export type CreateReturnCaseInput = { plan: ReturnPlan; return_id: string; created_by?: string | null }

/**
 * Writes the case (a fresh RMA code, the policy's terms frozen, the refund promised) and its
 * lines with their destinations. Compensation deletes both, so a later failure leaves no case.
 */
export const createReturnCaseStep = createStep(
  createReturnCaseStepId,
  async ({ plan, return_id, created_by }: CreateReturnCaseInput, { container }) => {
    const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const row = await returns.createReturnCases({
      rma_code: returns.newRmaCode(),
      order_id: plan.order.id,
      order_display_id: plan.order.display_id,
      return_id,
      customer_id: plan.order.customer_id,
      email: plan.order.email,
      currency_code: plan.order.currency_code,
      status: "requested",
      source: plan.source,
      method: plan.method,
      resolution: plan.resolution,
      policy_id: plan.policy_id,
      terms: plan.terms as any,
      exchange_items: plan.exchange_items as any,
      expected_refund: plan.expected_refund,
      note: plan.note,
      requested_at: new Date(),
      created_by: created_by ?? null,
    })
    await returns.createReturnLines(plan.lines.map((l) => ({ ...l, return_case_id: row.id })) as any)
    return new StepResponse({ id: row.id as string, rma_code: row.rma_code as string }, row.id as string)
  },
  async (caseId: string | undefined, { container }) => {
    if (!caseId) return
    const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const lines = await returns.listReturnLines({ return_case: { id: caseId } } as any, { select: ["id"] })
    if (lines.length) await returns.deleteReturnLines(lines.map((l: any) => l.id))
    await returns.deleteReturnCases(caseId)
  }
)

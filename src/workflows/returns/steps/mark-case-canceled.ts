import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCase, returnsService } from "../utils/case-record"

export const markCaseCanceledStepId = "oms-mark-case-canceled"

export type MarkCaseCanceledInput = { return_case_id: string; canceled_by?: string | null; reason?: string | null }

/** The case is canceled (canceled_at, cancel_reason); compensation puts it back to requested. */
export const markCaseCanceledStep = createStep(
  markCaseCanceledStepId,
  async (input: MarkCaseCanceledInput, { container }) => {
    await returnsService(container).updateReturnCases({
      id: input.return_case_id,
      status: "canceled",
      canceled_at: new Date(),
      cancel_reason: input.reason ?? null,
    })
    const row = await readCase(container, input.return_case_id)
    return new StepResponse(row, input.return_case_id)
  },
  async (caseId: string | undefined, { container }) => {
    if (!caseId) return
    await returnsService(container).updateReturnCases({ id: caseId, status: "requested", canceled_at: null, cancel_reason: null })
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCase } from "../utils/case-record"

export const caseOrderStepId = "oms-case-order"

/** Which order a case belongs to (to take that order's lock); 404 for an unknown case. Reads only. */
export const caseOrderStep = createStep(caseOrderStepId, async (input: { return_case_id: string }, { container }) => {
  const row = await readCase(container, input.return_case_id)
  return new StepResponse({ order_id: row.order_id as string, rma_code: row.rma_code as string })
})

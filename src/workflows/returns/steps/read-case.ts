import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReturnCaseView } from "../../../types/returns"
import { readCase } from "../utils/case-record"
import { caseView } from "../utils/case-view"

export const readCaseStepId = "oms-read-case"

/** The case as the API shows it, read after the workflow's changes. Reads only. */
export const readCaseStep = createStep(readCaseStepId, async (input: { return_case_id: string }, { container }) => {
  return new StepResponse({ return: caseView(await readCase(container, input.return_case_id)) } as { return: ReturnCaseView })
})

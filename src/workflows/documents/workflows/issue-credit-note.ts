import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueCreditNoteStep } from "../steps/issue-credit-note"
import type { CreditNoteInput } from "../utils/issue"

export const issueCreditNoteWorkflowId = "oms-issue-credit-note-workflow"

/** Issues the credit note for a refund or a return against the order's invoice (once per source). */
export const issueCreditNoteWorkflow = createWorkflow(issueCreditNoteWorkflowId, (input: CreditNoteInput) => {
  return new WorkflowResponse(issueCreditNoteStep(input))
})

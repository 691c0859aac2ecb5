import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { creditNoteFor, summary, type CreditNoteInput, type DocumentSummary } from "../utils/issue"

export const issueCreditNoteStepId = "oms-issue-credit-note"

/** A credit note for a refund or a return, issued once per source (no compensation: see issue-invoice). */
export const issueCreditNoteStep = createStep(issueCreditNoteStepId, async (input: CreditNoteInput, { container }) => {
  const { document, issued } = await creditNoteFor(container, input)
  return new StepResponse<{ document: DocumentSummary; issued: boolean }>({ document: summary(document), issued })
})

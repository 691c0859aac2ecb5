import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOCUMENTS_MODULE } from "../../../modules/documents"
import type DocumentsModuleService from "../../../modules/documents/service"
import { invoiceFor, summary, type DocumentSummary } from "../utils/issue"

export type IssueInvoiceInput = {
  order_id: string
  /** The moment that asks for it; left out (an admin asking), the invoice is issued whatever the setting. */
  trigger?: "capture" | "fulfillment"
}

export type IssueInvoiceResult = { document: DocumentSummary | null; issued: boolean; reason?: string }

export const issueInvoiceStepId = "oms-issue-invoice"

/**
 * The order's invoice, issued once. There is no compensation on purpose: a numbered invoice is
 * final (deleting it would leave a gap in the sequence), and a later failure does not make it
 * wrong; issuing again finds it.
 */
export const issueInvoiceStep = createStep(issueInvoiceStepId, async (input: IssueInvoiceInput, { container }) => {
  if (input.trigger) {
    const documents = container.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
    const existing = await documents.documentFor(`invoice:${input.order_id}`)
    if (existing) return new StepResponse<IssueInvoiceResult>({ document: summary(existing), issued: false })
    const [store] = await container.resolve("store").listStores({}, { take: 1 })
    const settings = await documents.settingsFor(store?.id ?? "store")
    if (settings.invoice_trigger !== input.trigger) {
      return new StepResponse<IssueInvoiceResult>({ document: null, issued: false, reason: `the store invoices on ${settings.invoice_trigger}` })
    }
  }
  const { document, issued } = await invoiceFor(container, input.order_id)
  return new StepResponse<IssueInvoiceResult>({ document: summary(document), issued })
})

import { MedusaContainer } from "@medusajs/framework/types"
import { renderFinancialDocumentPdf } from "../../../lib/documents/financial-document-pdf"
import type { CreditRequest } from "../../../lib/documents/invoice/credit-note"
import type { FinancialDocument } from "../../../lib/documents/invoice/document"
import { DOCUMENTS_MODULE } from "../../../modules/documents"
import type DocumentsModuleService from "../../../modules/documents/service"
import type { DocumentRow } from "../../../modules/documents/types"
import { creditNoteDocument, invoiceDocument } from "./build-documents"
import { loadOrderFacts } from "./order-facts"

/** A document as workflows pass it on: everything but the file's bytes. */
export type DocumentSummary = Omit<DocumentRow, "file_base64" | "content">

export const summary = ({ file_base64: _f, content: _c, ...rest }: DocumentRow): DocumentSummary => rest

/**
 * The order's invoice: the stored one, or issued now with the next invoice number. The
 * customer's locale is the order's, else the store's default.
 */
export async function invoiceFor(container: MedusaContainer, orderId: string): Promise<{ document: DocumentRow; issued: boolean }> {
  const documents = container.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
  const existing = await documents.documentFor(`invoice:${orderId}`)
  if (existing) return { document: existing, issued: false }
  const facts = await loadOrderFacts(container, orderId)
  const settings = await documents.settingsFor(facts.store.id)
  const issuedAt = new Date()
  return documents.issueDocument({
    source_key: `invoice:${orderId}`,
    kind: "invoice",
    store_id: facts.store.id,
    year: issuedAt.getUTCFullYear(),
    format: settings.invoice_format,
    row: {
      order_id: orderId,
      order_display_id: facts.display_id,
      customer_id: facts.customer_id,
      invoice_id: null,
      refund_id: null,
      return_id: null,
      return_case_id: null,
      locale: facts.locale ?? settings.default_locale,
      currency_code: facts.invoice_input.currency_code,
      total: 0,
      tax_total: 0,
      issued_at: issuedAt,
    },
    build: async (number) => {
      const content = invoiceDocument(facts, settings, number, issuedAt)
      return { content, file: await renderFinancialDocumentPdf(content, { paper: settings.paper }) }
    },
    totals: (content) => ({ total: content.totals.total, tax_total: content.totals.tax_total }),
  })
}

export type CreditNoteInput = {
  order_id: string
  /** What the credit answers: `refund:<refund id>` or `return:<case id>`. */
  source_key: string
  refund_id?: string | null
  return_id?: string | null
  return_case_id?: string | null
  amount?: number
  lines?: CreditRequest["lines"]
  reason: string
}

/** A credit note against the order's invoice (issued first when there is none yet). */
export async function creditNoteFor(container: MedusaContainer, input: CreditNoteInput): Promise<{ document: DocumentRow; issued: boolean }> {
  const documents = container.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
  const existing = await documents.documentFor(input.source_key)
  if (existing) return { document: existing, issued: false }
  const { document: invoice } = await invoiceFor(container, input.order_id)
  const settings = await documents.settingsFor(invoice.store_id)
  const issuedAt = new Date()
  return documents.issueDocument({
    source_key: input.source_key,
    kind: "credit_note",
    store_id: invoice.store_id,
    year: issuedAt.getUTCFullYear(),
    format: settings.credit_note_format,
    row: {
      order_id: input.order_id,
      order_display_id: invoice.order_display_id,
      customer_id: invoice.customer_id,
      invoice_id: invoice.id,
      refund_id: input.refund_id ?? null,
      return_id: input.return_id ?? null,
      return_case_id: input.return_case_id ?? null,
      locale: invoice.locale,
      currency_code: invoice.currency_code,
      total: 0,
      tax_total: 0,
      issued_at: issuedAt,
    },
    build: async (number) => {
      const content = creditNoteDocument(invoice.content as FinancialDocument, input, number, issuedAt)
      return { content, file: await renderFinancialDocumentPdf(content, { paper: settings.paper }) }
    },
    totals: (content) => ({ total: content.totals.total, tax_total: content.totals.tax_total }),
  })
}

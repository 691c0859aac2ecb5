import type { DocumentRow } from "../../modules/documents/types"
import type { DocumentView } from "../../types/documents"

/** A document row as the API shows it: without its bytes, and (for customers) without its content. */
export function documentView(row: DocumentRow, opts: { content: boolean }): DocumentView {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    order_id: row.order_id,
    order_display_id: row.order_display_id,
    customer_id: row.customer_id,
    invoice_id: row.invoice_id,
    refund_id: row.refund_id,
    return_id: row.return_id,
    return_case_id: row.return_case_id,
    locale: row.locale,
    currency_code: row.currency_code,
    total: row.total,
    tax_total: row.tax_total,
    file_sha256: row.file_sha256,
    file_size: row.file_size,
    issued_at: new Date(row.issued_at).toISOString(),
    ...(opts.content ? { content: row.content } : {}),
  }
}

/** Sends a stored document's PDF exactly as it was stored. */
export function sendDocumentFile(res: { setHeader(k: string, v: string): void; send(b: Buffer): void }, row: DocumentRow, disposition: "inline" | "attachment") {
  const file = Buffer.from(row.file_base64, "base64")
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `${disposition}; filename="${row.number.replace(/[^\w.-]/g, "_")}.pdf"`)
  res.setHeader("ETag", `"${row.file_sha256}"`)
  res.setHeader("Cache-Control", "private, max-age=0, must-revalidate")
  res.send(file)
}

/** Fields the lists read (everything but the file). */
export const DOCUMENT_LIST_FIELDS = [
  "id", "kind", "number", "order_id", "order_display_id", "customer_id", "invoice_id", "refund_id", "return_id",
  "return_case_id", "locale", "currency_code", "total", "tax_total", "file_sha256", "file_size", "issued_at", "content",
]

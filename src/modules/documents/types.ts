import type { FinancialDocument, SellerDetails } from "../../lib/documents/invoice/document"
import type { MessageKind } from "../../lib/documents/messages/events"

export type DocumentKind = "invoice" | "credit_note"

export type DocumentRow = {
  id: string
  kind: DocumentKind
  number: string
  store_id: string
  year: number
  sequence: number
  source_key: string
  order_id: string
  order_display_id: number | null
  customer_id: string | null
  invoice_id: string | null
  refund_id: string | null
  return_id: string | null
  return_case_id: string | null
  locale: string
  currency_code: string
  total: number
  tax_total: number
  content: FinancialDocument
  file_base64: string
  file_sha256: string
  file_size: number
  issued_at: Date | string
  created_at: Date | string
}

export type IssueInput = {
  source_key: string
  kind: DocumentKind
  store_id: string
  year: number
  /** The store's number format for this kind. */
  format: string
  row: Pick<DocumentRow, "order_id" | "order_display_id" | "customer_id" | "invoice_id" | "refund_id" | "return_id" | "return_case_id" | "locale" | "currency_code" | "total" | "tax_total"> & {
    issued_at: Date
  }
  /** The document and its file, given the number it was handed. */
  build(number: string): Promise<{ content: FinancialDocument; file: Buffer }>
  /** The row's total and tax, read from what was built. */
  totals(content: FinancialDocument): { total: number; tax_total: number }
}

export type SettingsRow = {
  id: string | null
  store_id: string
  seller: SellerDetails
  invoice_format: string
  credit_note_format: string
  invoice_trigger: "capture" | "fulfillment"
  default_locale: string
  paper: "a4" | "letter"
  public_url: string | null
  disabled_messages: MessageKind[]
}

export const DEFAULT_SETTINGS: Omit<SettingsRow, "id" | "store_id"> = {
  seller: { name: "Your store", address_lines: [], vat_id: null, email: null, bank: null },
  invoice_format: "INV-{YYYY}-{SEQ:5}",
  credit_note_format: "CN-{YYYY}-{SEQ:5}",
  invoice_trigger: "capture",
  default_locale: "en",
  paper: "a4",
  public_url: null,
  disabled_messages: [],
}

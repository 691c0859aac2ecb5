import type { FinancialDocument, SellerDetails } from "../../lib/documents/invoice/document"
import type { MessageKind, MessageTemplate } from "../../lib/documents/messages/events"
import type { Paginated } from "../common"
import type { DocumentRow } from "../../modules/documents/types"

/** A stored invoice or credit note as the API shows it (its file is downloaded apart). */
export type DocumentView = Pick<
  DocumentRow,
  | "id"
  | "kind"
  | "number"
  | "order_id"
  | "order_display_id"
  | "customer_id"
  | "invoice_id"
  | "refund_id"
  | "return_id"
  | "return_case_id"
  | "locale"
  | "currency_code"
  | "total"
  | "tax_total"
  | "file_sha256"
  | "file_size"
> & {
  issued_at: string
  /** Admin only: what the PDF prints. */
  content?: FinancialDocument
}

export type AdminDocumentsResponse = Paginated<{ documents: DocumentView[] }>
export type AdminDocumentResponse = { document: DocumentView }
export type AdminIssueInvoiceResponse = { document: DocumentView; issued: boolean }
export type StoreOrderDocumentsResponse = { documents: DocumentView[] }

export type DocumentSettingsView = {
  seller: SellerDetails
  invoice_format: string
  credit_note_format: string
  invoice_trigger: "capture" | "fulfillment"
  default_locale: string
  paper: "a4" | "letter"
  public_url: string | null
  disabled_messages: MessageKind[]
  /** Numbers the formats give now, e.g. "INV-2026-00001": what the settings page previews. */
  examples: { invoice: string; credit_note: string }
}
export type AdminDocumentSettingsResponse = { settings: DocumentSettingsView }

export type MessageTemplateView = MessageTemplate & {
  kind: MessageKind
  title: string
  locale: string
  /** false: the default text; true: the store's edit. */
  edited: boolean
  enabled: boolean
  triggers: string[]
}
export type AdminMessageTemplatesResponse = { templates: MessageTemplateView[]; locales: string[]; placeholders: string[] }
export type AdminMessageTemplateResponse = { template: MessageTemplateView }
export type AdminMessagePreviewResponse = { preview: MessageTemplate; problems: string[] }

export type SentMessageView = {
  id: string
  kind: string
  entity_id: string
  order_id: string
  locale: string
  to: string
  status: "sending" | "sent" | "failed"
  notification_id: string | null
  subject: string | null
  error: string | null
  created_at: string
}
export type AdminSentMessagesResponse = Paginated<{ messages: SentMessageView[] }>

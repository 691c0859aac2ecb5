import type { InvoiceTotals } from "./types"

export type Party = {
  name: string
  company?: string | null
  lines: string[]
  vat_id?: string | null
  email?: string | null
}

/** The seller's details a store keeps in settings and every invoice prints. */
export type SellerDetails = {
  name: string
  address_lines: string[]
  vat_id?: string | null
  email?: string | null
  bank?: string | null
}

/**
 * Everything an invoice or credit note prints, frozen when it is issued: the stored row keeps
 * it, and the PDF is rendered from it once.
 */
export type FinancialDocument = {
  kind: "invoice" | "credit_note"
  number: string
  /** ISO 8601 date-time of issue. */
  issued_at: string
  order_display_id: string | number
  seller: SellerDetails
  bill_to: Party
  ship_to: Party | null
  totals: InvoiceTotals
  payment: { provider: string; status: string; amount: number; paid_at?: string | null } | null
  /** A credit note names the invoice it corrects and why. */
  corrects?: { number: string; issued_at: string } | null
  reason?: string | null
}

import { creditNoteTotals, type CreditRequest } from "../../../lib/documents/invoice/credit-note"
import type { FinancialDocument } from "../../../lib/documents/invoice/document"
import { invoiceTotals } from "../../../lib/documents/invoice/totals"
import type { SettingsRow } from "../../../modules/documents/types"
import type { OrderFacts } from "./order-facts"

/** The invoice of an order as it stands, numbered `number`, issued at `issuedAt`. */
export function invoiceDocument(facts: OrderFacts, settings: SettingsRow, number: string, issuedAt: Date): FinancialDocument {
  const totals = invoiceTotals(facts.invoice_input)
  const paid = facts.payments.find((p) => p.captured_at) ?? facts.payments[0]
  return {
    kind: "invoice",
    number,
    issued_at: issuedAt.toISOString(),
    order_display_id: facts.display_id,
    seller: settings.seller,
    bill_to: facts.bill_to,
    ship_to: facts.ship_to,
    totals,
    payment: paid
      ? { provider: providerName(paid.provider_id), status: paid.captured_at ? "paid" : "authorized", amount: paid.captured_at ? paid.amount : totals.total, paid_at: paid.captured_at }
      : null,
  }
}

/** A credit note correcting `invoice` by `request` (a refund's amount, returned units). */
export function creditNoteDocument(
  invoice: FinancialDocument,
  request: CreditRequest & { reason: string },
  number: string,
  issuedAt: Date
): FinancialDocument {
  return {
    ...invoice,
    kind: "credit_note",
    number,
    issued_at: issuedAt.toISOString(),
    totals: creditNoteTotals(invoice.totals, request),
    payment: null,
    corrects: { number: invoice.number, issued_at: invoice.issued_at },
    reason: request.reason,
  }
}

const providerName = (id: string) => (id === "pp_system_default" ? "manual payment" : id.replace(/^pp_/, ""))

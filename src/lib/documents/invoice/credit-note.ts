import { apportion, currencyDigits, formatRate, round } from "./totals"
import type { InvoiceLine, InvoiceTotals, TaxRow } from "./types"

export type CreditRequest = {
  /** Money given back, tax included. Left out: the full value of `lines` (or of the invoice). */
  amount?: number
  /** Units given back (a return); left out, the amount is spread over the whole invoice. */
  lines?: { id: string; quantity: number }[]
}

/**
 * What a credit note credits: the amount spread over the invoice lines it answers in
 * proportion to their value, each share split into net and tax at that line's rate, so the
 * tax given back is the tax that was charged. Amounts are positive (money credited) and add up
 * to the amount exactly.
 */
export function creditNoteTotals(invoice: InvoiceTotals, request: CreditRequest): InvoiceTotals {
  const digits = currencyDigits(invoice.currency_code)
  const basis = creditBasis(invoice.lines, request.lines)
  const basisTotal = basis.reduce((s, b) => s + b.gross, 0)
  const amount = round(request.amount ?? basisTotal, digits)
  if (amount < 0) throw new RangeError("A credit note cannot credit a negative amount")
  if (amount - round(invoice.total, digits) > 1e-9) {
    throw new RangeError(`A credit note of ${amount} exceeds its invoice's total of ${invoice.total}`)
  }
  const factor = basisTotal === 0 ? 0 : amount / basisTotal
  const grosses = apportion(basis.map((b) => b.gross * factor), amount, digits)
  const lines: InvoiceLine[] = basis.map((b, i) => {
    const gross = grosses[i]
    const net = round(gross / (1 + b.line.tax_rate / 100), digits)
    return {
      ...b.line,
      quantity: b.quantity,
      // What one credited unit is worth net, so quantity x unit reads as the line's net.
      unit_net: b.quantity ? round(net / b.quantity, digits) : 0,
      subtotal: net,
      discount: 0,
      net,
      tax: round(gross - net, digits),
      total: gross,
    }
  })
  const tax_rows = rowsOf(lines)
  return {
    currency_code: invoice.currency_code,
    lines,
    tax_rows,
    subtotal: round(lines.reduce((s, l) => s + l.net, 0), digits),
    discount_total: 0,
    shipping_total: round(lines.filter((l) => l.kind === "shipping").reduce((s, l) => s + l.total, 0), digits),
    tax_total: round(lines.reduce((s, l) => s + l.tax, 0), digits),
    total: amount,
  }
}

type Basis = { line: InvoiceLine; quantity: number; gross: number }

function creditBasis(lines: InvoiceLine[], returned?: CreditRequest["lines"]): Basis[] {
  if (!returned) return lines.filter((l) => l.total !== 0).map((line) => ({ line, quantity: line.quantity, gross: line.total }))
  return returned.map((r) => {
    const line = lines.find((l) => l.id === r.id)
    if (!line) throw new RangeError(`Line ${r.id} is not on the invoice`)
    if (r.quantity > line.quantity) throw new RangeError(`Line ${r.id} has ${line.quantity} unit(s) invoiced; ${r.quantity} cannot be credited`)
    return { line, quantity: r.quantity, gross: line.quantity === 0 ? 0 : (line.total * r.quantity) / line.quantity }
  })
}

function rowsOf(lines: InvoiceLine[]): TaxRow[] {
  const rows = new Map<number, TaxRow>()
  for (const l of lines) {
    const row = rows.get(l.tax_rate) ?? { rate: l.tax_rate, label: formatRate(l.tax_rate), net: 0, tax: 0 }
    row.net += l.net
    row.tax += l.tax
    rows.set(l.tax_rate, row)
  }
  return [...rows.values()]
    .sort((a, b) => b.rate - a.rate)
    .map((r) => ({ ...r, net: Math.round(r.net * 1e6) / 1e6, tax: Math.round(r.tax * 1e6) / 1e6 }))
}

import type { InvoiceItemInput, InvoiceLine, InvoiceOrderInput, InvoiceShippingInput, InvoiceTotals, TaxLineInput, TaxRow } from "./types"

/**
 * An invoice's lines, per-rate tax table and totals from an order, computed the way Medusa
 * computes order totals (prices may include tax; discounts are taken before tax; tax is charged
 * on what is left), then rounded once to the currency. The tax rows are rounded so they add up
 * to the rounded tax total (largest remainder), so the printed table and total never disagree.
 */
export function invoiceTotals(order: InvoiceOrderInput): InvoiceTotals {
  const digits = currencyDigits(order.currency_code)
  const exact = [
    ...order.items.map((item) => exactLine(item, "item")),
    ...order.shipping_methods.map((method) => exactLine(shippingAsItem(method), "shipping")),
  ]
  const sum = (pick: (l: ExactLine) => number) => exact.reduce((s, l) => s + pick(l), 0)
  const taxTotal = sum((l) => l.tax)
  return {
    currency_code: order.currency_code.toLowerCase(),
    lines: exact.map((l) => roundLine(l, digits)),
    tax_rows: taxRows(exact, taxTotal, digits),
    subtotal: round(sum((l) => l.subtotal), digits),
    discount_total: round(sum((l) => l.discount), digits),
    shipping_total: round(sum((l) => (l.kind === "shipping" ? l.net + l.tax : 0)), digits),
    tax_total: round(taxTotal, digits),
    total: round(sum((l) => l.net + l.tax), digits),
  }
}

type ExactLine = Omit<InvoiceLine, "unit_net"> & { unit_net: number; tax_lines: TaxLineInput[] }

function exactLine(item: InvoiceItemInput, kind: InvoiceLine["kind"]): ExactLine {
  const taxLines = item.tax_lines ?? []
  const rate = taxLines.reduce((s, t) => s + Number(t.rate), 0)
  const inclusive = Boolean(item.is_tax_inclusive)
  const gross = Number(item.unit_price) * Number(item.quantity)
  const subtotal = inclusive ? gross / (1 + rate / 100) : gross
  // An adjustment entered with tax included is taken off net of that tax, as Medusa does.
  const discount = (item.adjustments ?? []).reduce(
    (s, a) => s + (a.is_tax_inclusive ? Number(a.amount) / (1 + rate / 100) : Number(a.amount)),
    0
  )
  const net = subtotal - discount
  const tax = taxLines.reduce((s, t) => s + (net * Number(t.rate)) / 100, 0)
  return {
    id: item.id,
    kind,
    title: item.variant_title ? `${item.title} (${item.variant_title})` : item.title,
    sku: item.sku ?? null,
    quantity: Number(item.quantity),
    unit_net: Number(item.quantity) === 0 ? 0 : subtotal / Number(item.quantity),
    subtotal,
    discount,
    net,
    tax_rate: rate,
    tax,
    total: net + tax,
    tax_lines: taxLines,
  }
}

const shippingAsItem = (m: InvoiceShippingInput): InvoiceItemInput => ({
  id: m.id,
  title: m.name,
  quantity: 1,
  unit_price: m.amount,
  is_tax_inclusive: m.is_tax_inclusive,
  adjustments: m.adjustments,
  tax_lines: m.tax_lines,
})

function roundLine(l: ExactLine, digits: number): InvoiceLine {
  const net = round(l.net, digits)
  const tax = round(l.tax, digits)
  return {
    id: l.id,
    kind: l.kind,
    title: l.title,
    sku: l.sku,
    quantity: l.quantity,
    unit_net: round(l.unit_net, digits),
    subtotal: round(l.subtotal, digits),
    discount: round(l.discount, digits),
    net,
    tax_rate: l.tax_rate,
    tax,
    total: round(l.net + l.tax, digits),
  }
}

/** One row per tax rate (a line with a state and a city tax counts toward both rows). */
function taxRows(lines: ExactLine[], taxTotal: number, digits: number): TaxRow[] {
  const rows = new Map<string, { rate: number; label: string; net: number; tax: number }>()
  for (const line of lines) {
    const taxLines = line.tax_lines.length ? line.tax_lines : [{ rate: 0, code: null, name: null }]
    for (const t of taxLines) {
      const rate = Number(t.rate)
      const label = t.name || t.code ? `${t.name || t.code} ${formatRate(rate)}` : formatRate(rate)
      const key = `${rate}|${label}`
      const row = rows.get(key) ?? { rate, label, net: 0, tax: 0 }
      row.net += line.net
      row.tax += (line.net * rate) / 100
      rows.set(key, row)
    }
  }
  const list = [...rows.values()].sort((a, b) => b.rate - a.rate || a.label.localeCompare(b.label))
  const taxes = apportion(list.map((r) => r.tax), round(taxTotal, digits), digits)
  return list.map((r, i) => ({ rate: r.rate, label: r.label, net: round(r.net, digits), tax: taxes[i] }))
}

/**
 * Rounds each amount to the currency so that they add up to `target` exactly: each is rounded
 * down, and the leftover smallest units go to the amounts with the largest remainders.
 */
export function apportion(amounts: number[], target: number, digits: number): number[] {
  const unit = 10 ** digits
  const scaled = amounts.map((a) => a * unit)
  const floors = scaled.map((s) => Math.floor(s + 1e-9))
  let left = Math.round(target * unit) - floors.reduce((s, f) => s + f, 0)
  const order = scaled.map((s, i) => ({ i, rest: s - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  const result = [...floors]
  for (let k = 0; left !== 0 && order.length; k = (k + 1) % order.length) {
    result[order[k].i] += left > 0 ? 1 : -1
    left += left > 0 ? -1 : 1
  }
  return result.map((r) => r / unit)
}

export const formatRate = (rate: number) => `${Number(rate.toFixed(4))}%`

/** Rounds half away from zero at the currency's precision, ignoring binary noise below it. */
export function round(amount: number, digits: number): number {
  const unit = 10 ** digits
  const scaled = Math.abs(amount) * unit
  const rounded = Math.round(Number(scaled.toFixed(6))) / unit
  return amount < 0 ? -rounded : rounded
}

const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "isk", "jpy", "kmf", "krw", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
const THREE_DECIMAL = new Set(["bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd"])

/** Minor-unit digits of a currency (ISO 4217). */
export function currencyDigits(currency: string): number {
  const c = currency.toLowerCase()
  return ZERO_DECIMAL.has(c) ? 0 : THREE_DECIMAL.has(c) ? 3 : 2
}

import { decorateCartTotals } from "@medusajs/framework/utils"
import { creditNoteTotals, invoiceTotals, type InvoiceOrderInput } from ".."

// The expectation is Medusa's own order totals (decorateCartTotals, what the order module
// decorates an order with), computed on a copy of the same order.
const medusa = (order: InvoiceOrderInput, extra: Record<string, unknown> = {}) => {
  const totals = decorateCartTotals(structuredClone({ ...order, ...extra }) as never) as any
  const n = (v: unknown) => Math.round(Number((v as { numeric?: number })?.numeric ?? v) * 100) / 100
  return {
    subtotal: n(totals.subtotal),
    discount_total: n(totals.discount_subtotal),
    shipping_total: n(totals.shipping_total),
    tax_total: n(totals.tax_total),
    total: n(totals.total),
    items: totals.items.map((i: any) => ({ id: i.id, total: n(i.total), tax: n(i.tax_total) })),
    pending_difference: totals.summary ? n(totals.summary.pending_difference) : undefined,
  }
}

/** An EU order: 19% goods, a 7% book with a discount, shipping taxed at 19%, prices net of tax. */
const germanOrder = (): InvoiceOrderInput => ({
  currency_code: "eur",
  items: [
    { id: "item_tee", title: "Organic Cotton T-Shirt", variant_title: "M", sku: "TEE-M", quantity: 3, unit_price: 19.99,
      tax_lines: [{ rate: 19, code: "DE19" }], adjustments: [{ amount: 6 }] },
    { id: "item_book", title: "Kochbuch", sku: "BOOK-1", quantity: 2, unit_price: 24.95,
      tax_lines: [{ rate: 7, code: "DE7" }], adjustments: [{ amount: 4.99 }] },
    { id: "item_mug", title: "Enamel Mug", sku: "MUG-1", quantity: 1, unit_price: 12.5, tax_lines: [{ rate: 19, code: "DE19" }] },
  ],
  shipping_methods: [{ id: "sm_dhl", name: "DHL Paket", amount: 4.9, tax_lines: [{ rate: 19, code: "DE19" }], adjustments: [{ amount: 1.5 }] }],
})

/** Prices that include tax (as EU shops show them), with a tax-inclusive discount. */
const inclusiveOrder = (): InvoiceOrderInput => ({
  currency_code: "eur",
  items: [
    { id: "item_a", title: "Jacket", quantity: 1, unit_price: 119, is_tax_inclusive: true,
      tax_lines: [{ rate: 19 }], adjustments: [{ amount: 11.9, is_tax_inclusive: true }] },
    { id: "item_b", title: "Atlas", quantity: 3, unit_price: 10.7, is_tax_inclusive: true, tax_lines: [{ rate: 7 }] },
  ],
  shipping_methods: [{ id: "sm_1", name: "Standard", amount: 5.95, is_tax_inclusive: true, tax_lines: [{ rate: 19 }] }],
})

/** A New York order: state and city tax on one line, an untaxed gift card line. */
const newYorkOrder = (): InvoiceOrderInput => ({
  currency_code: "usd",
  items: [
    { id: "item_1", title: "Boots", quantity: 1, unit_price: 149.99,
      tax_lines: [{ rate: 4, code: "NY", name: "New York State" }, { rate: 4.875, code: "NYC", name: "New York City" }], adjustments: [{ amount: 15 }] },
    { id: "item_2", title: "Gift card", quantity: 2, unit_price: 25, tax_lines: [] },
  ],
  shipping_methods: [{ id: "sm_ups", name: "UPS Ground", amount: 9.99, tax_lines: [{ rate: 4 }, { rate: 4.875 }] }],
})

describe("invoiceTotals", () => {
  it.each([
    ["net prices, two rates, discounts on items and shipping", germanOrder],
    ["tax-inclusive prices and a tax-inclusive discount", inclusiveOrder],
    ["two tax lines on one item and an untaxed line", newYorkOrder],
  ])("equals Medusa's order totals: %s", (_, make) => {
    const order = make()
    const ours = invoiceTotals(order)
    const theirs = medusa(order)
    expect({
      subtotal: ours.subtotal,
      discount_total: ours.discount_total,
      shipping_total: ours.shipping_total,
      tax_total: ours.tax_total,
      total: ours.total,
    }).toEqual({
      subtotal: theirs.subtotal,
      discount_total: theirs.discount_total,
      shipping_total: theirs.shipping_total,
      tax_total: theirs.tax_total,
      total: theirs.total,
    })
    for (const item of theirs.items) {
      const line = ours.lines.find((l) => l.id === item.id)!
      expect({ id: line.id, total: line.total, tax: line.tax }).toEqual(item)
    }
    // The tax table adds up to the tax total, and each rate's tax is its net times the rate.
    const rowTax = ours.tax_rows.reduce((s, r) => s + r.tax, 0)
    expect(Math.round(rowTax * 100) / 100).toBe(ours.tax_total)
    for (const row of ours.tax_rows) expect(Math.abs(row.tax - (row.net * row.rate) / 100)).toBeLessThanOrEqual(0.011)
  })

  it("prints one tax row per rate with its taxable amount", () => {
    const t = invoiceTotals(germanOrder())
    // 19%: 3 x 19.99 - 6 + 12.50 + 4.90 - 1.50 = 69.87; 7%: 2 x 24.95 - 4.99 = 44.91
    expect(t.tax_rows).toEqual([
      { rate: 19, label: "DE19 19%", net: 69.87, tax: 13.28 },
      { rate: 7, label: "DE7 7%", net: 44.91, tax: 3.14 },
    ])
    const ny = invoiceTotals(newYorkOrder())
    expect(ny.tax_rows.map((r) => r.label)).toEqual(["4.875%", "New York City 4.875%", "4%", "New York State 4%", "0%"])
    expect(ny.tax_rows.find((r) => r.label === "0%")).toEqual({ rate: 0, label: "0%", net: 50, tax: 0 })
  })
})

describe("creditNoteTotals", () => {
  it("credits a partial refund at the invoice's rates, and leaves what Medusa says is still owed", () => {
    const order = germanOrder()
    const invoice = invoiceTotals(order)
    const refund = 30
    const note = creditNoteTotals(invoice, { amount: refund })
    expect(note.total).toBe(30)
    expect(Math.round((note.lines.reduce((s, l) => s + l.total, 0)) * 100) / 100).toBe(30)
    expect(Math.round((note.subtotal + note.tax_total) * 100) / 100).toBe(30)
    // Medusa's books after capturing the total and refunding 30: 30 is the order's pending difference.
    expect(medusa(order, { summary: { transaction_total: invoice.total - refund } }).pending_difference).toBe(note.total)
    // Each share is taxed at its own line's rate.
    for (const l of note.lines) expect(Math.abs(l.tax - (l.net * l.tax_rate) / 100)).toBeLessThanOrEqual(0.011)
    expect(note.tax_rows.map((r) => r.rate)).toEqual([19, 7])
  })

  it("credits returned units at what Medusa says they are worth", () => {
    const order = germanOrder()
    const invoice = invoiceTotals(order)
    const note = creditNoteTotals(invoice, { lines: [{ id: "item_tee", quantity: 1 }, { id: "item_book", quantity: 2 }] })
    // Medusa: refundable_total of a line with some units returned is what stays; the credit is the rest.
    const returned = structuredClone(order) as any
    returned.items[0].detail = { return_requested_quantity: 1 }
    returned.items[1].detail = { return_requested_quantity: 2 }
    const decorated = decorateCartTotals(returned) as any
    const kept = (i: number) => Number(decorated.items[i].refundable_total.numeric ?? decorated.items[i].refundable_total)
    const worth = (decorated.items[0].total.numeric - kept(0)) + (decorated.items[1].total.numeric - kept(1))
    expect(note.total).toBe(Math.round(worth * 100) / 100)
    expect(note.lines.map((l) => [l.id, l.quantity])).toEqual([["item_tee", 1], ["item_book", 2]])
  })

  it("refuses to credit more than was invoiced or units that were not", () => {
    const invoice = invoiceTotals(germanOrder())
    expect(() => creditNoteTotals(invoice, { amount: invoice.total + 0.01 })).toThrow(/exceeds its invoice's total/)
    expect(() => creditNoteTotals(invoice, { lines: [{ id: "item_mug", quantity: 2 }] })).toThrow(/1 unit\(s\) invoiced/)
  })
})

import { refundBreakdown, type RefundLine } from "../refund"
import type { Grade, ReturnTerms } from "../types"

const terms = (over: Partial<ReturnTerms> = {}): ReturnTerms => ({
  restocking_fee_percent: 0,
  shipping: { mode: "free" },
  refund_damaged: false,
  resolutions: ["refund"],
  label_amount: null,
  ...over,
})
const tee: RefundLine = { id: "oretl_tee", quantity: 3, unit_refund: 20, keep_it: false, title: "Tee M" }
const graded = (grade: Grade, quantity: number, return_line_id = "oretl_tee") => ({ return_line_id, grade, quantity })

describe("the refund breakdown", () => {
  it("refunds new and opened units and withholds damaged ones unless the terms refund damage", () => {
    const inspections = [graded("new", 1), graded("opened", 1), graded("damaged", 1)]
    const withheld = refundBreakdown({ currency_code: "usd", lines: [tee], inspections, terms: terms({ restocking_fee_percent: 10 }) })
    expect(withheld).toMatchObject({ goods: 40, restocking_fee: 4, shipping_fee: 0, withheld: 20, total: 36 })
    expect(withheld.lines).toEqual([{ return_line_id: "oretl_tee", refunded_quantity: 2, withheld_quantity: 1, amount: 36 }])
    expect(withheld.sentence).toBe(
      "2 x Tee M refunded (40.00), 1 x Tee M damaged not refunded (20.00), 10% restocking fee (4.00). Refund 36.00 USD."
    )
    const refunded = refundBreakdown({ currency_code: "usd", lines: [tee], inspections, terms: terms({ refund_damaged: true }) })
    expect(refunded).toMatchObject({ goods: 60, withheld: 0, total: 60 })
  })

  it("withholds missing and wrong items, and units no inspection covers", () => {
    const b = refundBreakdown({ currency_code: "eur", lines: [tee], inspections: [graded("missing", 1), graded("wrong_item", 1)], terms: terms() })
    expect(b).toMatchObject({ goods: 0, withheld: 60, total: 0 })
    expect(b.lines[0]).toMatchObject({ refunded_quantity: 0, withheld_quantity: 3, amount: 0 })
    expect(b.sentence).toBe(
      "1 x Tee M missing not refunded (20.00), 1 x Tee M wrong item not refunded (20.00), 1 x Tee M not received not refunded (20.00). Refund 0.00 EUR."
    )
  })

  it("never refunds more units than the line holds, and ignores entries for other lines", () => {
    const b = refundBreakdown({ currency_code: "usd", lines: [tee], inspections: [graded("new", 5), graded("new", 2, "oretl_other"), graded("new", 1, null as unknown as string)], terms: terms() })
    expect(b).toMatchObject({ goods: 60, total: 60 })
    expect(b.lines[0].refunded_quantity).toBe(3)
  })

  it("refunds a keep-it line in full without inspection, free of restocking fee and shipping", () => {
    const socks: RefundLine = { id: "oretl_socks", quantity: 2, unit_refund: 3.5, keep_it: true, title: "Socks" }
    const b = refundBreakdown({ currency_code: "usd", lines: [socks], inspections: [], terms: terms({ restocking_fee_percent: 20, shipping: { mode: "flat", amount: 4 } }) })
    expect(b).toMatchObject({ goods: 7, restocking_fee: 0, shipping_fee: 0, total: 7 })
    expect(b.sentence).toBe("2 x Socks refunded, kept by the customer (7.00). Refund 7.00 USD.")
  })

  it("charges the restocking fee on returned goods only when keep-it lines ride along", () => {
    const socks: RefundLine = { id: "oretl_socks", quantity: 1, unit_refund: 5, keep_it: true, title: "Socks" }
    const b = refundBreakdown({ currency_code: "usd", lines: [tee, socks], inspections: [graded("new", 3)], terms: terms({ restocking_fee_percent: 10 }) })
    expect(b).toMatchObject({ goods: 65, restocking_fee: 6, total: 59 })
    expect(b.lines.map((l) => l.amount)).toEqual([54, 5])
  })

  it("deducts a flat shipping fee or the carrier label's price", () => {
    const inspections = [graded("new", 3)]
    expect(refundBreakdown({ currency_code: "usd", lines: [tee], inspections, terms: terms({ shipping: { mode: "flat", amount: 5.5 } }) })).toMatchObject({ shipping_fee: 5.5, total: 54.5 })
    const carrier = refundBreakdown({ currency_code: "usd", lines: [tee], inspections, terms: terms({ shipping: { mode: "carrier_rate" }, label_amount: 7.25 }) })
    expect(carrier).toMatchObject({ shipping_fee: 7.25, total: 52.75 })
    expect(carrier.sentence).toBe("3 x Tee M refunded (60.00), return shipping (7.25). Refund 52.75 USD.")
    // carrier rate without a bought label charges nothing
    expect(refundBreakdown({ currency_code: "usd", lines: [tee], inspections, terms: terms({ shipping: { mode: "carrier_rate" } }) }).total).toBe(60)
  })

  it("never goes below 0 when the fees exceed the goods, and reports the fee applied", () => {
    const cheap: RefundLine = { id: "oretl_pin", quantity: 1, unit_refund: 4, keep_it: false, title: "Pin" }
    const b = refundBreakdown({ currency_code: "usd", lines: [cheap], inspections: [graded("new", 1, "oretl_pin")], terms: terms({ restocking_fee_percent: 25, shipping: { mode: "flat", amount: 8 } }) })
    expect(b).toMatchObject({ goods: 4, restocking_fee: 1, shipping_fee: 3, total: 0 })
    expect(b.lines[0].amount).toBe(0)
    expect(b.sentence).toBe("1 x Pin refunded (4.00), 25% restocking fee (1.00), return shipping 8.00, of which 3.00 charged (a refund never goes below 0). Refund 0.00 USD.")
  })

  it("rounds to cents so the lines add up to the total exactly", () => {
    const a: RefundLine = { id: "oretl_a", quantity: 1, unit_refund: 3.33, keep_it: false, title: "A" }
    const b: RefundLine = { id: "oretl_b", quantity: 1, unit_refund: 3.33, keep_it: false, title: "B" }
    const c: RefundLine = { id: "oretl_c", quantity: 1, unit_refund: 3.34, keep_it: false, title: "C" }
    const out = refundBreakdown({
      currency_code: "usd",
      lines: [a, b, c],
      inspections: [graded("new", 1, "oretl_a"), graded("new", 1, "oretl_b"), graded("new", 1, "oretl_c")],
      terms: terms({ restocking_fee_percent: 15, shipping: { mode: "flat", amount: 1 } }),
    })
    // goods 10.00, fee 15% = 1.50, shipping 1.00, total 7.50
    expect(out).toMatchObject({ goods: 10, restocking_fee: 1.5, shipping_fee: 1, total: 7.5 })
    const cents = out.lines.map((l) => Math.round(l.amount * 100))
    expect(cents.reduce((x, y) => x + y, 0)).toBe(750)
    expect(out.lines.every((l) => Math.round(l.amount * 100) === l.amount * 100)).toBe(true)
    // an odd price: 3 x 0.35 at 10% = 1.05 goods, 0.105 fee rounds to 0.11
    const odd: RefundLine = { id: "oretl_o", quantity: 3, unit_refund: 0.35, keep_it: false, title: "Odd" }
    expect(refundBreakdown({ currency_code: "usd", lines: [odd], inspections: [graded("new", 3, "oretl_o")], terms: terms({ restocking_fee_percent: 10 }) })).toMatchObject({ goods: 1.05, restocking_fee: 0.11, total: 0.94 })
  })
})

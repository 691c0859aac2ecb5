import { fromCents, money, toCents } from "./format"
import type { Grade, InspectionEntry, RefundBreakdown, ReturnTerms } from "./types"

/** A return line as the refund needs it (ReturnLineView-like). */
export type RefundLine = { id: string; quantity: number; unit_refund: number; keep_it: boolean; title: string }

export type RefundInput = {
  currency_code: string
  lines: RefundLine[]
  inspections: Pick<InspectionEntry, "return_line_id" | "grade" | "quantity">[]
  terms: ReturnTerms
}

type Counted = {
  line: RefundLine
  refunded: number
  withheld: Partial<Record<Grade | "not_inspected", number>>
  /** Gross value of the refunded units, in cents. */
  gross: number
}

/**
 * What an inspected return pays out, in whole cents.
 *
 * - A keep-it line is refunded in full: nothing comes back, so nothing is inspected.
 * - A graded unit is refunded when new or opened, or damaged when the terms refund damage;
 *   damaged (otherwise), missing and wrong-item units are withheld, and so is any unit of a
 *   line that no inspection entry covers (it never arrived at the station).
 * - The restocking fee is a percentage of the refunded goods that came back; keep-it lines
 *   are not restocked, so they carry no restocking fee.
 * - Return shipping: free, a flat amount, or the label's carrier price; a return made only of
 *   keep-it lines ships no parcel and pays none.
 * - Fees never take the total below 0: what they cannot take is not charged, and the fees
 *   reported are the ones applied, so goods - restocking_fee - shipping_fee = total.
 * - Each line's amount is its refunded value less its share of the fees (largest remainder,
 *   in cents), so the lines add up to the total exactly.
 */
export function refundBreakdown({ currency_code, lines, inspections, terms }: RefundInput): RefundBreakdown {
  const counted = lines.map((line) => countLine(line, inspections, terms.refund_damaged))
  const goods = sum(counted.map((c) => c.gross))
  const returnedGoods = sum(counted.filter((c) => !c.line.keep_it).map((c) => c.gross))
  const restocking = Math.round((returnedGoods * clampPercent(terms.restocking_fee_percent)) / 100)
  const shipsParcel = lines.some((l) => !l.keep_it)
  const shippingCharge = shipsParcel ? shippingCents(terms) : 0
  const shipping = Math.min(shippingCharge, goods - restocking)

  const afterRestocking = allocate(
    counted.map((c) => (c.line.keep_it ? 0 : c.gross)),
    restocking
  ).map((share, i) => counted[i].gross - share)
  const shippingShares = allocate(afterRestocking, shipping)
  const net = afterRestocking.map((v, i) => v - shippingShares[i])
  const total = goods - restocking - shipping

  const withheldCents = sum(
    counted.map((c) => toCents(c.line.unit_refund * sum(Object.values(c.withheld) as number[])))
  )

  return {
    currency_code,
    goods: fromCents(goods),
    restocking_fee: fromCents(restocking),
    shipping_fee: fromCents(shipping),
    withheld: fromCents(withheldCents),
    total: fromCents(total),
    lines: counted.map((c, i) => ({
      return_line_id: c.line.id,
      refunded_quantity: c.refunded,
      withheld_quantity: c.line.quantity - c.refunded,
      amount: fromCents(net[i]),
    })),
    sentence: sentence(counted, {
      restocking,
      percent: terms.restocking_fee_percent,
      shipping,
      shippingCharge,
      total,
      currency_code,
    }),
  }
}

function countLine(line: RefundLine, inspections: RefundInput["inspections"], refundDamaged: boolean): Counted {
  if (line.keep_it) {
    return { line, refunded: line.quantity, withheld: {}, gross: toCents(line.unit_refund * line.quantity) }
  }
  let left = line.quantity // never refund or withhold more units than the line holds
  let refunded = 0
  const withheld: Counted["withheld"] = {}
  for (const entry of inspections) {
    if (entry.return_line_id !== line.id || left <= 0) continue
    const n = Math.min(Math.max(0, entry.quantity), left)
    left -= n
    if (entry.grade === "new" || entry.grade === "opened" || (entry.grade === "damaged" && refundDamaged)) refunded += n
    else withheld[entry.grade] = (withheld[entry.grade] ?? 0) + n
  }
  if (left > 0) withheld.not_inspected = left
  return { line, refunded, withheld, gross: toCents(line.unit_refund * refunded) }
}

function shippingCents(terms: ReturnTerms): number {
  switch (terms.shipping.mode) {
    case "free":
      return 0
    case "flat":
      return Math.max(0, toCents(terms.shipping.amount))
    case "carrier_rate":
      return Math.max(0, toCents(terms.label_amount ?? 0))
  }
}

/**
 * Splits `amount` cents over `weights` in proportion (largest remainder, earlier lines first
 * on equal remainders). No share exceeds its weight while amount <= sum(weights).
 */
export function allocate(weights: number[], amount: number): number[] {
  const whole = sum(weights)
  if (amount <= 0 || whole <= 0) return weights.map(() => 0)
  const exact = weights.map((w) => (w * amount) / whole)
  const shares = exact.map(Math.floor)
  let left = amount - sum(shares)
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .filter(({ i }) => weights[i] > 0)
    .sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    shares[i] += 1
    left -= 1
  }
  return shares
}

const GRADE_WORDS: Record<Grade | "not_inspected", string> = {
  new: "new",
  opened: "opened",
  damaged: "damaged",
  missing: "missing",
  wrong_item: "wrong item",
  not_inspected: "not received",
}

function sentence(
  counted: Counted[],
  f: { restocking: number; percent: number; shipping: number; shippingCharge: number; total: number; currency_code: string }
): string {
  const parts: string[] = []
  for (const c of counted) {
    const unit = toCents(c.line.unit_refund)
    if (c.refunded > 0) {
      const how = c.line.keep_it ? " refunded, kept by the customer" : " refunded"
      parts.push(`${c.refunded} x ${c.line.title}${how} (${money(fromCents(c.gross))})`)
    }
    for (const [grade, n] of Object.entries(c.withheld) as [Grade | "not_inspected", number][]) {
      parts.push(`${n} x ${c.line.title} ${GRADE_WORDS[grade]} not refunded (${money(fromCents(unit * n))})`)
    }
  }
  if (f.restocking > 0) parts.push(`${f.percent}% restocking fee (${money(fromCents(f.restocking))})`)
  if (f.shippingCharge > 0) {
    parts.push(
      f.shipping < f.shippingCharge
        ? `return shipping ${money(fromCents(f.shippingCharge))}, of which ${money(fromCents(f.shipping))} charged (a refund never goes below 0)`
        : `return shipping (${money(fromCents(f.shipping))})`
    )
  }
  const head = parts.length ? parts.join(", ") : "Nothing to refund"
  return `${capital(head)}. Refund ${money(fromCents(f.total))} ${f.currency_code.toUpperCase()}.`
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const clampPercent = (p: number) => Math.min(100, Math.max(0, p))
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

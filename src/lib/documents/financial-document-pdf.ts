import type { FinancialDocument, Party } from "./invoice/document"
import type { InvoiceLine } from "./invoice/types"
import { BAND, BOLD, INK, MARGIN, MUTED, REGULAR, bodyBottom, contentWidth, finish, numberPages, openDocument, put, rule, type Doc } from "./pdf"
import { printable } from "./text"
import type { Paper } from "./types"

const TITLES = { invoice: "Invoice", credit_note: "Credit note" } as const

/**
 * An invoice or a credit note: seller and number, bill-to and ship-to, the lines with their
 * tax rate, the tax table per rate, the totals and the payment. The creation date in the PDF's
 * metadata is the issue date, so rendering the same document twice gives the same bytes.
 */
export async function renderFinancialDocumentPdf(document: FinancialDocument, opts: { paper: Paper }): Promise<Buffer> {
  const title = `${TITLES[document.kind]} ${document.number}`
  const doc = openDocument(opts.paper, { title, createdAt: document.issued_at })
  const money = (n: number) => `${n.toFixed(2)} ${document.totals.currency_code.toUpperCase()}`
  let y = header(doc, document, title)
  y = parties(doc, document, y)
  y = lines(doc, document.totals.lines, y, money)
  y = taxTable(doc, document, y, money)
  y = totals(doc, document, y, money)
  payment(doc, document, y, money)
  numberPages(doc, `${title} · order #${document.order_display_id} · ${printable(document.seller.name)}`)
  return finish(doc)
}

function header(doc: Doc, d: FinancialDocument, title: string): number {
  const width = contentWidth(doc)
  put(doc, printable(d.seller.name), MARGIN, MARGIN, { font: BOLD, size: 14 })
  let y = MARGIN + 20
  for (const line of [...d.seller.address_lines, d.seller.vat_id ? `VAT ID ${d.seller.vat_id}` : "", d.seller.email ?? ""].filter(Boolean)) {
    put(doc, printable(line), MARGIN, y, { font: REGULAR, size: 9, color: MUTED })
    y += 12
  }
  put(doc, title, MARGIN, MARGIN, { font: BOLD, size: 18 }, { width, align: "right" })
  put(doc, `Issued ${d.issued_at.slice(0, 10)}`, MARGIN, MARGIN + 24, { font: REGULAR, size: 9 }, { width, align: "right" })
  put(doc, `Order #${d.order_display_id}`, MARGIN, MARGIN + 36, { font: REGULAR, size: 9 }, { width, align: "right" })
  if (d.corrects) {
    put(doc, `Corrects invoice ${d.corrects.number} of ${d.corrects.issued_at.slice(0, 10)}`, MARGIN, MARGIN + 48, { font: BOLD, size: 9 }, { width, align: "right" })
  }
  return Math.max(y, MARGIN + 64) + 10
}

function parties(doc: Doc, d: FinancialDocument, top: number): number {
  const half = contentWidth(doc) / 2
  const block = (label: string, party: Party | null, x: number) => {
    let y = top
    put(doc, label, x, y, { font: BOLD, size: 9, color: MUTED })
    y += 14
    if (!party) return y
    for (const line of [party.name, party.company ?? "", ...party.lines, party.vat_id ? `VAT ID ${party.vat_id}` : ""].filter(Boolean)) {
      put(doc, printable(line), x, y, { font: line === party.name ? BOLD : REGULAR, size: 10 })
      y += 13
    }
    return y
  }
  return Math.max(block("Bill to", d.bill_to, MARGIN), block("Ship to", d.ship_to, MARGIN + half)) + 14
}

type Col = { x: number; width: number; align: "left" | "right" }

function columns(doc: Doc): Record<"item" | "qty" | "unit" | "rate" | "net" | "tax" | "total", Col> {
  const width = contentWidth(doc)
  const right = (x: number, w: number): Col => ({ x, width: w, align: "right" })
  const numbers = 6 * 0 + 60
  const itemWidth = width - 30 - numbers * 4 - 44
  let x = MARGIN
  const item: Col = { x, width: itemWidth, align: "left" }
  x += itemWidth
  const qty = right(x, 30); x += 30
  const unit = right(x, numbers); x += numbers
  const rate = right(x, 44); x += 44
  const net = right(x, numbers); x += numbers
  const tax = right(x, numbers); x += numbers
  const total = right(x, numbers)
  return { item, qty, unit, rate, net, tax, total }
}

function lines(doc: Doc, rows: InvoiceLine[], top: number, money: (n: number) => string): number {
  const cols = columns(doc)
  const head = (y: number) => {
    doc.save().rect(MARGIN, y - 3, contentWidth(doc), 15).fill(BAND).restore()
    const labels = { item: "Item", qty: "Qty", unit: "Unit net", rate: "Tax", net: "Net", tax: "Tax amount", total: "Total" }
    for (const [key, col] of Object.entries(cols)) {
      put(doc, labels[key as keyof typeof labels], col.x, y, { font: BOLD, size: 8 }, { width: col.width - 2, align: col.align })
    }
    return y + 18
  }
  let y = head(top)
  for (const line of rows) {
    if (y + 26 > bodyBottom(doc)) {
      doc.addPage()
      y = head(MARGIN)
    }
    const cell = (col: Col, text: string, font = REGULAR) => put(doc, text, col.x, y, { font, size: 9 }, { width: col.width - 2, align: col.align })
    const title = printable(line.title)
    doc.font(REGULAR).fontSize(9)
    let shown = title
    while (shown.length > 4 && doc.widthOfString(shown) > cols.item.width - 6) shown = shown.slice(0, -2)
    cell(cols.item, shown === title ? title : `${shown}…`)
    cell(cols.qty, String(line.quantity))
    cell(cols.unit, money(line.unit_net))
    cell(cols.rate, `${Number(line.tax_rate.toFixed(4))}%`)
    cell(cols.net, money(line.net))
    cell(cols.tax, money(line.tax))
    cell(cols.total, money(line.total), BOLD)
    const detail = [line.sku ? `SKU ${line.sku}` : "", line.discount ? `discount ${money(line.discount)}` : ""].filter(Boolean).join(" · ")
    if (detail) put(doc, printable(detail), cols.item.x, y + 11, { font: REGULAR, size: 7, color: MUTED })
    y += detail ? 24 : 15
  }
  rule(doc, y)
  return y + 10
}

function taxTable(doc: Doc, d: FinancialDocument, top: number, money: (n: number) => string): number {
  const width = contentWidth(doc)
  const x = MARGIN + width - 260
  let y = top
  if (y + 20 + d.totals.tax_rows.length * 13 > bodyBottom(doc)) {
    doc.addPage()
    y = MARGIN
  }
  put(doc, "Tax rate", x, y, { font: BOLD, size: 8, color: MUTED })
  put(doc, "Net", x + 80, y, { font: BOLD, size: 8, color: MUTED }, { width: 85, align: "right" })
  put(doc, "Tax", x + 170, y, { font: BOLD, size: 8, color: MUTED }, { width: 90, align: "right" })
  y += 13
  for (const row of d.totals.tax_rows) {
    put(doc, printable(row.label), x, y, { font: REGULAR, size: 9 })
    put(doc, money(row.net), x + 80, y, { font: REGULAR, size: 9 }, { width: 85, align: "right" })
    put(doc, money(row.tax), x + 170, y, { font: REGULAR, size: 9 }, { width: 90, align: "right" })
    y += 13
  }
  return y + 8
}

function totals(doc: Doc, d: FinancialDocument, top: number, money: (n: number) => string): number {
  const width = contentWidth(doc)
  const x = MARGIN + width - 260
  let y = top
  const t = d.totals
  // Each row follows from the one above: before discount, discount, net (what tax is charged
  // on; shipping is a line of its own), tax, total.
  const net = Math.round((t.total - t.tax_total) * 100) / 100
  const rows: [string, number, boolean][] = [
    ...(t.discount_total
      ? ([["Subtotal before discount", t.subtotal, false], ["Discount", -t.discount_total, false]] as [string, number, boolean][])
      : []),
    ["Net", net, false],
    ["Tax", t.tax_total, false],
    [d.kind === "credit_note" ? "Total credited" : "Total", t.total, true],
  ]
  if (y + rows.length * 15 > bodyBottom(doc)) {
    doc.addPage()
    y = MARGIN
  }
  for (const [label, amount, strong] of rows) {
    const style = { font: strong ? BOLD : REGULAR, size: strong ? 11 : 9, color: INK }
    put(doc, label, x, y, style)
    put(doc, money(amount), x + 100, y, style, { width: 160, align: "right" })
    y += strong ? 17 : 13
  }
  return y + 8
}

function payment(doc: Doc, d: FinancialDocument, y: number, money: (n: number) => string): void {
  const lines: string[] = []
  if (d.payment) {
    const when = d.payment.paid_at ? ` on ${d.payment.paid_at.slice(0, 10)}` : ""
    lines.push(`Payment: ${money(d.payment.amount)} ${d.payment.status} via ${d.payment.provider}${when}`)
  }
  if (d.reason) lines.push(`Reason: ${d.reason}`)
  if (d.seller.bank) lines.push(d.seller.bank)
  for (const line of lines) {
    put(doc, printable(line), MARGIN, y, { font: REGULAR, size: 9, color: MUTED })
    y += 12
  }
}

import { code128 } from "./barcode"
import { BAND, BOLD, INK, MARGIN, MUTED, REGULAR, RULE, bodyBottom, contentWidth, drawBarcode, finish, numberPages, openDocument, rule, type Doc } from "./pdf"
import { plural, printable, printedTime } from "./text"
import type { Paper, ShipTo } from "./types"

export type ReturnSlipLine = { title: string; sku: string | null; quantity: number; reason: string | null }

/** What the customer puts in the return parcel: which order, which RMA, what is inside, where it goes. */
export type ReturnSlip = {
  rma_code: string
  order_display_id: number | string | null
  method: "label" | "drop_off" | "keep_it"
  /** The location the parcel goes to, with its address. */
  destination: { name: string; address: ShipTo | null }
  tracking_number: string | null
  lines: ReturnSlipLine[]
  /** ISO 8601 */
  generated_at: string
}

const METHOD_TEXT: Record<ReturnSlip["method"], string> = {
  label: "Stick the prepaid return label on the parcel and hand it to the carrier.",
  drop_off: "Send the parcel to the address below with a carrier of your choice.",
  keep_it: "Nothing to send back: keep the items. This slip is your receipt.",
}

/**
 * The return slip: the RMA code in large type and as a Code 128 barcode (the inspection
 * station scans it), the order number, the lines with quantities and reasons, and the
 * destination's address.
 */
export async function renderReturnSlipPdf(slip: ReturnSlip, opts: { paper: Paper }): Promise<Buffer> {
  const doc = openDocument(opts.paper, { title: `Return ${slip.rma_code}`, createdAt: slip.generated_at })
  const width = contentWidth(doc)
  const top = MARGIN

  doc.font(BOLD).fontSize(9).fillColor(MUTED).text("RETURN SLIP", MARGIN, top, { characterSpacing: 1.5, lineBreak: false })
  doc.font(BOLD).fontSize(26).fillColor(INK).text(`RMA ${printable(slip.rma_code)}`, MARGIN, top + 13, { lineBreak: false })
  const order = slip.order_display_id === null || slip.order_display_id === undefined ? "" : `Order #${printable(String(slip.order_display_id))}`
  if (order) doc.font(REGULAR).fontSize(11).fillColor(INK).text(order, MARGIN, top + 46, { lineBreak: false })

  const barcode = code128(slip.rma_code)
  if (barcode) drawBarcode(doc, barcode, { x: MARGIN + width - 230, y: top, maxWidth: 230, height: 46, module: 1.3, align: "right" })

  let y = top + 72
  doc.font(REGULAR).fontSize(10).fillColor(INK).text(METHOD_TEXT[slip.method], MARGIN, y, { width })
  y += doc.heightOfString(METHOD_TEXT[slip.method], { width }) + 4
  doc.font(REGULAR).fontSize(10).fillColor(INK).text("Put this slip inside the parcel.", MARGIN, y, { width, lineBreak: false })
  y += 18
  if (slip.tracking_number) {
    doc.font(REGULAR).fontSize(10).text(`Tracking number ${printable(slip.tracking_number)}`, MARGIN, y, { width, lineBreak: false })
    y += 16
  }

  const half = (width - 10) / 2
  y += 6
  const sendTo = slip.method === "keep_it" ? "RECORDED AT" : "SEND TO"
  const blockHeight = block(doc, sendTo, [slip.destination.name, ...addressLines(slip.destination.address)], MARGIN, y, half)
  y += blockHeight + 14

  y = headings(doc, y)
  for (const line of slip.lines) {
    if (y + 30 > bodyBottom(doc)) {
      doc.addPage()
      y = headings(doc, MARGIN)
    }
    y = drawLine(doc, line, y)
  }
  const units = slip.lines.reduce((sum, l) => sum + l.quantity, 0)
  doc.font(BOLD).fontSize(10).fillColor(INK).text(`${plural(units, "unit")} in ${plural(slip.lines.length, "line")}`, MARGIN, y + 8, { width, align: "right" })
  numberPages(doc, `Return ${slip.rma_code} · printed ${printedTime(slip.generated_at)}`)
  return finish(doc)
}

function block(doc: Doc, title: string, lines: string[], x: number, y: number, width: number): number {
  doc.font(BOLD).fontSize(8).fillColor(MUTED).text(title, x, y, { width, characterSpacing: 1, lineBreak: false })
  let at = y + 13
  lines.forEach((text, i) => {
    doc.font(i === 0 ? BOLD : REGULAR).fontSize(i === 0 ? 12 : 10).fillColor(INK)
    const height = doc.heightOfString(printable(text), { width })
    doc.text(printable(text), x, at, { width })
    at += height + 1
  })
  return at - y
}

function addressLines(a: ShipTo | null): string[] {
  if (!a) return []
  const cityLine = [a.postal_code, a.city].filter(Boolean).join(" ")
  const region = [cityLine, a.province].filter(Boolean).join(", ")
  return [a.company, a.address_1, a.address_2, region, a.country_code?.toUpperCase()].filter((l): l is string => !!l && l.trim() !== "")
}

const QTY_WIDTH = 44
const SKU_WIDTH = 150
const REASON_WIDTH = 130

function headings(doc: Doc, y: number): number {
  const width = contentWidth(doc)
  doc.save().rect(MARGIN, y, width, 16).fill(BAND).restore()
  doc.font(BOLD).fontSize(7.5).fillColor(MUTED)
  doc.text("QTY", MARGIN, y + 5, { width: QTY_WIDTH, align: "center", lineBreak: false })
  doc.text("ITEM", MARGIN + QTY_WIDTH + 10, y + 5, { lineBreak: false })
  doc.text("SKU", MARGIN + width - SKU_WIDTH - REASON_WIDTH, y + 5, { lineBreak: false })
  doc.text("REASON", MARGIN + width - REASON_WIDTH, y + 5, { lineBreak: false })
  return y + 18
}

function drawLine(doc: Doc, line: ReturnSlipLine, y: number): number {
  const width = contentWidth(doc)
  const itemWidth = width - QTY_WIDTH - 10 - SKU_WIDTH - REASON_WIDTH - 10
  const top = y + 7
  doc.font(BOLD).fontSize(16).fillColor(INK).text(String(line.quantity), MARGIN, top, { width: QTY_WIDTH, align: "center", lineBreak: false })
  doc.font(BOLD).fontSize(10)
  const title = printable(line.title) || "Item"
  const height = Math.min(doc.heightOfString(title, { width: itemWidth }), doc.currentLineHeight(true) * 2)
  doc.text(title, MARGIN + QTY_WIDTH + 10, top, { width: itemWidth, height, ellipsis: true })
  doc.font(REGULAR).fontSize(9)
  if (line.sku) doc.text(printable(line.sku), MARGIN + width - SKU_WIDTH - REASON_WIDTH, top, { width: SKU_WIDTH - 6, lineBreak: false, ellipsis: true })
  if (line.reason) doc.text(printable(line.reason), MARGIN + width - REASON_WIDTH, top, { width: REASON_WIDTH, lineBreak: false, ellipsis: true })
  const bottom = y + Math.max(22, height) + 14
  rule(doc, bottom, RULE)
  return bottom
}

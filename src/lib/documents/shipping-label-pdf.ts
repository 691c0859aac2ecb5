import PDFDocument from "pdfkit"
import { formatWeight } from "../shipping/units"
import { code128 } from "./barcode"
import { registerFonts } from "./fonts"
import { BOLD, INK, MUTED, REGULAR, drawBarcode, finish, fitFontSize, type Doc } from "./pdf"
import { labelAddressLines, type ShippingLabelContent, type ShippingLabelPdfOptions } from "./shipping-label"
import { printable, printedTime } from "./text"

/** 4 x 6 inches in PDF points (72 per inch). */
export const LABEL_WIDTH = 288
export const LABEL_HEIGHT = 432
const PAD = 12

const SHEETS = { a4: [595.28, 841.89], letter: [612, 792] } as const

/**
 * Shipping labels, one page per parcel: a 4x6 in page for a thermal printer, or an A4/Letter
 * sheet with the 4x6 label in its top-left quarter and a dashed line to cut along, for an
 * office printer. The tracking number is printed as text and as a Code 128 barcode.
 */
export async function renderShippingLabelPdf(labels: ShippingLabelContent[], opts: ShippingLabelPdfOptions): Promise<Buffer> {
  if (labels.length === 0) throw new Error("A label document needs at least one label")
  const size = opts.size === "4x6" ? [LABEL_WIDTH, LABEL_HEIGHT] : [...SHEETS[opts.size]]
  const first = labels[0]
  const created = new Date(first.shipped_at)
  const doc: Doc = new PDFDocument({
    size,
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `Shipping label ${first.tracking_number}`,
      Creator: "medusa-oms",
      ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
    },
  })
  registerFonts(doc)
  for (const label of labels) {
    doc.addPage({ size, margin: 0 })
    const origin = opts.size === "4x6" ? { x: 0, y: 0 } : { x: 36, y: 36 }
    if (opts.size !== "4x6") cutLine(doc, origin.x, origin.y)
    drawLabel(doc, label, origin.x, origin.y)
  }
  return finish(doc)
}

function cutLine(doc: Doc, x: number, y: number): void {
  doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor(MUTED).rect(x, y, LABEL_WIDTH, LABEL_HEIGHT).stroke().undash().restore()
  doc.font(REGULAR).fontSize(7).fillColor(MUTED).text("Cut along the dashed line", x, y + LABEL_HEIGHT + 4, { lineBreak: false })
}

/** The label inside a 288 x 432 pt box at (x, y), top to bottom: from, to, service, barcode, reference. */
function drawLabel(doc: Doc, label: ShippingLabelContent, x: number, y: number): void {
  const width = LABEL_WIDTH - 2 * PAD
  const left = x + PAD
  let at = y + PAD

  doc.font(BOLD).fontSize(9).fillColor(INK).text(printable(label.carrier_name).toUpperCase(), left, at, { lineBreak: false, characterSpacing: 1 })
  const parcelText = `Parcel ${label.parcel_number} of ${label.parcel_count}`
  doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(parcelText, left, at + 1, { width, align: "right", lineBreak: false })
  at += 16

  at = addressBlock(doc, "FROM", labelAddressLines(label.from), left, at, width, 7.5)
  hr(doc, x, at + 2)
  at += 8
  at = addressBlock(doc, label.is_return ? "RETURN TO" : "SHIP TO", labelAddressLines(label.to), left, at, width, 11)
  hr(doc, x, at + 2, 1.5)
  at += 10

  const service = printable(label.service_name)
  doc.font(BOLD).fontSize(fitFontSize(doc, service, BOLD, width, 16, 9)).fillColor(INK).text(service, left, at, { lineBreak: false })
  at += 20
  doc.font(REGULAR).fontSize(9).fillColor(INK)
  doc.text(`Weight ${formatWeight(label.weight_g)}`, left, at, { lineBreak: false })
  doc.text(`Shipped ${printedTime(label.shipped_at).slice(0, 10)}`, left, at, { width, align: "right", lineBreak: false })
  at += 14
  if (label.is_return) {
    doc.font(BOLD).fontSize(14).text("RETURN", left, at, { width, align: "center", lineBreak: false })
    at += 18
  }
  hr(doc, x, at)

  // The barcode sits low on the label, where a scanner at the conveyor expects it.
  const barcodeTop = y + LABEL_HEIGHT - PAD - 120
  const barcode = code128(label.tracking_number)
  if (barcode) drawBarcode(doc, barcode, { x: left, y: barcodeTop, maxWidth: width, height: 70, module: 1.6, align: "center" })
  const tracking = printable(label.tracking_number)
  doc.font(BOLD).fontSize(fitFontSize(doc, tracking, BOLD, width, 14, 7)).fillColor(INK)
  doc.text(tracking, left, barcodeTop + 76, { width, align: "center", lineBreak: false })
  doc.font(REGULAR).fontSize(7.5).fillColor(MUTED)
  doc.text(`Ref ${printable(label.reference)}`, left, barcodeTop + 96, { width, align: "center", lineBreak: false, ellipsis: true })
}

function addressBlock(doc: Doc, title: string, lines: string[], x: number, y: number, width: number, size: number): number {
  doc.font(BOLD).fontSize(7).fillColor(MUTED).text(title, x, y, { lineBreak: false, characterSpacing: 1 })
  let at = y + 10
  lines.forEach((line, i) => {
    const text = printable(line)
    const font = i === 0 ? BOLD : REGULAR
    doc.font(font).fontSize(fitFontSize(doc, text, font, width, size, 6)).fillColor(INK).text(text, x, at, { lineBreak: false })
    at += size + 3
  })
  return at
}

function hr(doc: Doc, x: number, y: number, width = 0.8): void {
  doc.save().lineWidth(width).strokeColor(INK).moveTo(x + PAD, y).lineTo(x + LABEL_WIDTH - PAD, y).stroke().restore()
}

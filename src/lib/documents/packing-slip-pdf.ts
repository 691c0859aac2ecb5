import { code128All, type Barcode } from "./barcode"
import {
  BAND, BOLD, INK, MARGIN, MUTED, REGULAR, RULE,
  bodyBottom, contentWidth, drawBarcode, finish, numberPages, openDocument, rule,
  type Doc,
} from "./pdf"
import { plural, printable, printedTime } from "./text"
import type { PackingSlip, PackingSlipItem, PackingSlipPdfOptions, ShipTo } from "./types"

type Column = { x: number; width: number }
type Columns = { check: Column; qty: Column; item: Column; sku: Column }
type Context = { doc: Doc; columns: Columns; barcodes: Map<string, Barcode> }

const GAP = 10
const PAD = 7
const HEADING_HEIGHT = 16

/**
 * The slip that goes into the parcel: order number (with a barcode), ship-to address, where it
 * was packed and from which wave and tote, and every item with its SKU, barcode and quantity.
 */
export async function renderPackingSlipPdf(slip: PackingSlip, opts: PackingSlipPdfOptions): Promise<Buffer> {
  const orderNumber = String(slip.order_display_id)
  const barcodes = code128All([orderNumber, ...slip.items.map((i) => i.sku)])
  const doc = openDocument(opts.paper, { title: `Packing slip #${orderNumber}`, createdAt: slip.generated_at })
  const ctx: Context = { doc, columns: layoutColumns(contentWidth(doc)), barcodes }

  let y = drawHeader(ctx, slip)
  for (const item of slip.items) {
    const height = drawItem(ctx, item, y, false)
    if (y + height > bodyBottom(doc)) {
      doc.addPage()
      y = drawContinuationHeader(ctx, slip)
    }
    drawItem(ctx, item, y, true)
    y += height
  }
  const units = slip.items.reduce((sum, item) => sum + item.quantity, 0)
  if (y + 24 > bodyBottom(doc)) {
    doc.addPage()
    y = drawContinuationHeader(ctx, slip)
  }
  doc.font(BOLD).fontSize(10).fillColor(INK).text(`${plural(units, "unit")} in ${plural(slip.items.length, "line")}`, MARGIN, y + 8, {
    width: contentWidth(doc),
    align: "right",
  })
  numberPages(doc, `Packing slip · order #${orderNumber} · ${printable(slip.location_name)}`)
  return finish(doc)
}

function layoutColumns(width: number): Columns {
  const check = 22
  const qty = 44
  const sku = 170
  let x = MARGIN
  const next = (w: number): Column => {
    const column = { x, width: w }
    x += w + GAP
    return column
  }
  return { check: next(check), qty: next(qty), item: next(width - check - qty - sku - 3 * GAP), sku: next(sku) }
}

function drawHeader(ctx: Context, slip: PackingSlip): number {
  const { doc, barcodes } = ctx
  const top = MARGIN
  const width = contentWidth(doc)
  const rightWidth = 200
  const right = MARGIN + width - rightWidth
  const orderNumber = String(slip.order_display_id)

  doc.font(BOLD).fontSize(9).fillColor(MUTED).text("PACKING SLIP", MARGIN, top, { characterSpacing: 1.5, lineBreak: false })
  doc.font(BOLD).fontSize(24).fillColor(INK).text(`Order #${printable(orderNumber)}`, MARGIN, top + 13, { lineBreak: false })
  doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(slip.order_id, MARGIN, top + 42, { lineBreak: false })
  const barcode = barcodes.get(orderNumber.trim())
  if (barcode) drawBarcode(doc, barcode, { x: right, y: top, maxWidth: rightWidth, height: 34, module: 1.2, align: "right" })
  doc.font(BOLD).fontSize(10).fillColor(INK).text(`#${printable(orderNumber)}`, right, top + 39, { width: rightWidth, align: "right", lineBreak: false })

  const blocks = top + 66
  const half = (width - GAP) / 2
  const shipToHeight = block(doc, "SHIP TO", addressLines(slip.ship_to), MARGIN, blocks, half)
  const packed = [
    `Packed at ${printable(slip.location_name)}`,
    ...(slip.tote ? [`Tote ${slip.tote}`] : []),
    ...(slip.wave_id ? [`Wave ${slip.wave_id}`] : []),
    `Printed ${printedTime(slip.generated_at)}`,
  ]
  const packedHeight = block(doc, "FROM", packed, MARGIN + half + GAP, blocks, half)
  return itemHeadings(ctx, blocks + Math.max(shipToHeight, packedHeight) + 14)
}

function drawContinuationHeader(ctx: Context, slip: PackingSlip): number {
  ctx.doc.font(BOLD).fontSize(12).fillColor(INK).text(`Order #${printable(String(slip.order_display_id))} (continued)`, MARGIN, MARGIN, { lineBreak: false })
  return itemHeadings(ctx, MARGIN + 24)
}

function block(doc: Doc, title: string, lines: string[], x: number, y: number, width: number): number {
  doc.font(BOLD).fontSize(8).fillColor(MUTED).text(title, x, y, { width, characterSpacing: 1, lineBreak: false })
  let at = y + 13
  lines.forEach((text, i) => {
    doc.font(i === 0 ? BOLD : REGULAR).fontSize(i === 0 ? 12 : 10).fillColor(INK)
    const height = doc.heightOfString(text, { width })
    doc.text(text, x, at, { width })
    at += height + 1
  })
  return at - y
}

function addressLines(to: ShipTo): string[] {
  const cityLine = [to.postal_code, to.city].filter(Boolean).join(" ")
  const region = [cityLine, to.province].filter(Boolean).join(", ")
  return [to.name, to.company, to.address_1, to.address_2, region, to.country_code?.toUpperCase(), to.phone ? `Phone ${to.phone}` : null]
    .filter((line): line is string => !!line && line.trim() !== "")
    .map(printable)
}

function itemHeadings({ doc, columns }: Context, y: number): number {
  doc.save().rect(MARGIN, y, contentWidth(doc), HEADING_HEIGHT).fill(BAND).restore()
  doc.font(BOLD).fontSize(7.5).fillColor(MUTED)
  const heading = (text: string, column: Column, align: "left" | "center" = "left") =>
    doc.text(text, column.x, y + 5, { width: column.width, align, lineBreak: false, characterSpacing: 0.6 })
  heading("QTY", columns.qty, "center")
  heading("ITEM", columns.item)
  heading("SKU / BARCODE", columns.sku)
  return y + HEADING_HEIGHT + 2
}

function drawItem({ doc, columns, barcodes }: Context, item: PackingSlipItem, y: number, draw: boolean): number {
  const top = y + PAD
  if (draw) {
    const { x, width } = columns.check
    doc.save().lineWidth(1).strokeColor(INK).rect(x + (width - 11) / 2, top + 3, 11, 11).stroke().restore()
    doc.font(BOLD).fontSize(18).fillColor(INK).text(String(item.quantity), columns.qty.x, top, { width: columns.qty.width, align: "center", lineBreak: false })
  }

  let itemAt = top
  const itemLine = (text: string, font: string, size: number, color: string, maxLines: number) => {
    doc.font(font).fontSize(size)
    const height = Math.min(doc.heightOfString(text, { width: columns.item.width }), doc.currentLineHeight(true) * maxLines)
    if (draw) doc.fillColor(color).text(text, columns.item.x, itemAt, { width: columns.item.width, height, ellipsis: true })
    itemAt += height
  }
  itemLine(printable(item.title) || "Untitled product", BOLD, 10, INK, 2)
  if (item.variant_title) itemLine(printable(item.variant_title), REGULAR, 9, MUTED, 1)

  let skuAt = top
  const { x, width } = columns.sku
  if (item.sku) {
    doc.font(BOLD).fontSize(9)
    if (draw) doc.fillColor(INK).text(`SKU ${printable(item.sku)}`, x, skuAt, { width, lineBreak: false, ellipsis: true })
    skuAt += doc.currentLineHeight(true)
    const barcode = barcodes.get(item.sku.trim())
    if (barcode) {
      if (draw) drawBarcode(doc, barcode, { x, y: skuAt + 1, maxWidth: width - 4, height: 20, module: 0.8 })
      skuAt += 23
    }
  }
  if (item.barcode) {
    doc.font(REGULAR).fontSize(8)
    if (draw) doc.fillColor(MUTED).text(`Barcode ${printable(item.barcode)}`, x, skuAt, { width, lineBreak: false })
    skuAt += doc.currentLineHeight(true)
  }

  const height = Math.max(22, itemAt - top, skuAt - top) + 2 * PAD
  if (draw) rule(doc, y + height, RULE)
  return height
}

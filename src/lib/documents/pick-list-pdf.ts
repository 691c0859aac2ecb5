import type { PickList, PickStop, ToteShare } from "../picking"
import { code128All, type Barcode } from "./barcode"
import {
  BAND, BOLD, INK, MARGIN, MUTED, REGULAR, RULE,
  bodyBottom, contentWidth, drawBarcode, finish, fitFontSize, numberPages, openDocument, rule,
  type Doc,
} from "./pdf"
import { plural, printable, printedTime } from "./text"
import type { PickListPdfOptions } from "./types"

type Column = { x: number; width: number }
type Columns = { check: Column; bin: Column; item: Column; qty: Column; totes: Column }
/** A stop, or part of one when its totes do not fit on a page (the rest continues in the next row). */
type Piece = { stop: PickStop; shares: ToteShare[]; part: number }
type Context = { doc: Doc; columns: Columns; barcodes: Map<string, Barcode> }

const GAP = 8
const TOTE_GAP = 6
const PAD = 7
const TOTE_LINE = 12
const HEADING_HEIGHT = 16

/**
 * The wave's walk as a printed list: one row per stop, big bin codes, the item with its SKU
 * barcode, the quantity, and which tote gets how many. Rows never break across pages; a stop
 * with more totes than a page holds continues in rows marked "continued".
 */
export async function renderPickListPdf(list: PickList, opts: PickListPdfOptions): Promise<Buffer> {
  const barcodes = await code128All([list.wave_id, ...list.stops.flatMap((s) => [s.bin_code, s.sku])])
  const doc = openDocument(opts.paper, { title: `Pick list ${list.wave_id}`, createdAt: opts.generated_at })
  const columns = layoutColumns(contentWidth(doc))
  const ctx: Context = { doc, columns, barcodes }

  let y = drawHeader(ctx, list, opts)
  const pageTop = y
  if (list.stops.length === 0) {
    doc.font(REGULAR).fontSize(12).fillColor(MUTED).text("Nothing to pick in this wave.", MARGIN, y + 12)
  }
  const newPage = () => {
    doc.addPage()
    y = drawHeader(ctx, list, opts)
  }
  for (const stop of list.stops) {
    const whole: Piece = { stop, shares: stop.breakdown, part: 0 }
    const height = drawRow(ctx, whole, y, false)
    if (pageTop + height <= bodyBottom(doc)) {
      // A row that fits on a page is never split: it moves to the next page whole.
      if (y + height > bodyBottom(doc)) newPage()
      drawRow(ctx, whole, y, true)
      y += height
      continue
    }
    // Only a stop with more totes than a page holds is split, into rows marked "continued".
    let rest = stop.breakdown
    for (let part = 0; rest.length > 0; part++) {
      let fits = totesThatFit(ctx, { stop, shares: rest, part }, y)
      if (fits < Math.min(rest.length, MIN_TOTES_BEFORE_BREAK)) {
        newPage()
        fits = totesThatFit(ctx, { stop, shares: rest, part }, y)
      }
      const piece = { stop, shares: rest.slice(0, Math.max(1, fits)), part }
      y += drawRow(ctx, piece, y, true)
      rest = rest.slice(piece.shares.length)
    }
  }
  numberPages(doc, `Pick list · ${printable(list.location_name)} · wave ${list.wave_id}`)
  return finish(doc)
}

function layoutColumns(width: number): Columns {
  const check = 20
  const bin = 124
  const qty = 38
  const totes = 140
  const item = width - check - bin - qty - totes - 4 * GAP
  let x = MARGIN
  const next = (w: number): Column => {
    const column = { x, width: w }
    x += w + GAP
    return column
  }
  return { check: next(check), bin: next(bin), item: next(item), qty: next(qty), totes: next(totes) }
}

const MIN_TOTES_BEFORE_BREAK = 3

/** How many of a piece's totes fit between y and the foot of the page. */
function totesThatFit(ctx: Context, piece: Piece, y: number): number {
  const perLine = toteColumnsFor(ctx, piece.shares)
  const lines = Math.floor((bodyBottom(ctx.doc) - y - 2 * PAD) / TOTE_LINE)
  const others = drawRow(ctx, { ...piece, shares: [] }, y, false)
  return y + others > bodyBottom(ctx.doc) ? 0 : Math.max(0, lines * perLine)
}

/** Up to three tote columns side by side when the entries are short, so busy stops stay compact. */
function toteColumnsFor({ doc, columns }: Context, shares: ToteShare[]): number {
  if (shares.length <= 2) return 1
  const widest = Math.max(...shares.map((share) => toteWidth(doc, share)))
  return Math.max(1, Math.min(3, Math.floor((columns.totes.width + TOTE_GAP) / (widest + TOTE_GAP))))
}

function drawHeader(ctx: Context, list: PickList, opts: PickListPdfOptions): number {
  const { doc, barcodes, columns } = ctx
  const top = MARGIN
  const rightWidth = 260
  const leftWidth = contentWidth(doc) - rightWidth - 16
  const orders = new Set(list.stops.flatMap((s) => s.breakdown.map((share) => share.order_id))).size

  doc.font(BOLD).fontSize(9).fillColor(MUTED).text("PICK LIST", MARGIN, top, { characterSpacing: 1.5, lineBreak: false })
  const location = printable(list.location_name)
  const size = fitFontSize(doc, location, BOLD, leftWidth, 20, 11)
  doc.font(BOLD).fontSize(size).fillColor(INK).text(location, MARGIN, top + 13, { width: leftWidth, lineBreak: false, ellipsis: true })
  doc.font(BOLD).fontSize(11).text(`${plural(list.units, "unit")} · ${plural(list.stops.length, "stop")} · ${plural(orders, "order")}`, MARGIN, top + 40, {
    width: leftWidth,
    lineBreak: false,
  })
  doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(`Generated ${printedTime(opts.generated_at)}`, MARGIN, top + 56, { width: leftWidth, lineBreak: false })

  const right = MARGIN + contentWidth(doc) - rightWidth
  const wave = barcodes.get(list.wave_id.trim())
  if (wave) drawBarcode(doc, wave, { x: right, y: top, maxWidth: rightWidth, height: 36, module: 0.75, align: "right" })
  const waveSize = fitFontSize(doc, list.wave_id, BOLD, rightWidth, 10, 6)
  doc.font(BOLD).fontSize(waveSize).fillColor(INK).text(list.wave_id, right, top + 41, { width: rightWidth, align: "right", lineBreak: false })

  const band = top + 72
  doc.save().rect(MARGIN, band, contentWidth(doc), HEADING_HEIGHT).fill(BAND).restore()
  doc.font(BOLD).fontSize(7.5).fillColor(MUTED)
  const heading = (text: string, column: Column, align: "left" | "center" = "left") =>
    doc.text(text, column.x, band + 5, { width: column.width, align, lineBreak: false, characterSpacing: 0.6 })
  heading("#", columns.check, "center")
  heading("BIN", columns.bin)
  heading("ITEM", columns.item)
  heading("QTY", columns.qty, "center")
  heading("TOTE × UNITS (ORDER)", columns.totes)
  return band + HEADING_HEIGHT + 2
}

/** Measures (draw = false) or draws one row; returns its height. */
function drawRow(ctx: Context, piece: Piece, y: number, draw: boolean): number {
  const top = y + PAD
  const height =
    Math.max(
      checkCell(ctx, piece, top, draw),
      binCell(ctx, piece, top, draw),
      itemCell(ctx, piece, top, draw),
      qtyCell(ctx, piece, top, draw),
      toteCell(ctx, piece, top, draw)
    ) + 2 * PAD
  if (draw) rule(ctx.doc, y + height, RULE)
  return height
}

function checkCell({ doc, columns }: Context, piece: Piece, y: number, draw: boolean): number {
  if (draw) {
    const { x, width } = columns.check
    doc.save().lineWidth(1).strokeColor(INK).rect(x + (width - 11) / 2, y + 2, 11, 11).stroke().restore()
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED).text(String(piece.stop.index + 1), x, y + 17, { width, align: "center", lineBreak: false })
  }
  return 26
}

function binCell({ doc, columns, barcodes }: Context, piece: Piece, y: number, draw: boolean): number {
  const { x, width } = columns.bin
  const code = piece.stop.bin_code
  if (code === null) {
    if (draw) {
      doc.font(BOLD).fontSize(13).fillColor(MUTED).text("NO BIN", x, y, { width, lineBreak: false })
      doc.font(REGULAR).fontSize(8).text("find it by SKU", x, y + 17, { width, lineBreak: false })
    }
    return 28
  }
  const text = printable(code)
  const size = fitFontSize(doc, text, BOLD, width, piece.part > 0 ? 12 : 18, 8)
  const lineHeight = size * 1.1
  if (draw) doc.font(BOLD).fontSize(size).fillColor(INK).text(text, x, y, { width, lineBreak: false })
  if (piece.part > 0) {
    if (draw) doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(`continued (${piece.part + 1})`, x, y + lineHeight + 2, { width, lineBreak: false })
    return lineHeight + 12
  }
  const barcode = barcodes.get(code.trim())
  if (!barcode) return lineHeight
  if (draw) drawBarcode(doc, barcode, { x, y: y + lineHeight + 3, maxWidth: width - 4, height: 26 })
  return lineHeight + 3 + 26
}

function itemCell({ doc, columns, barcodes }: Context, piece: Piece, y: number, draw: boolean): number {
  const { x, width } = columns.item
  const { stop } = piece
  let at = y
  const line = (text: string, font: string, size: number, color: string, maxLines = 1) => {
    doc.font(font).fontSize(size)
    const height = Math.min(doc.heightOfString(text, { width }), doc.currentLineHeight(true) * maxLines)
    if (draw) doc.fillColor(color).text(text, x, at, { width, height, ellipsis: true })
    at += height
  }
  line(printable(stop.product_title) || "Untitled product", BOLD, 10, INK, piece.part > 0 ? 1 : 2)
  if (piece.part > 0) return at - y
  if (stop.variant_title) line(printable(stop.variant_title), REGULAR, 9, MUTED)
  at += 3
  const sku = stop.sku ? `SKU ${printable(stop.sku)}` : ""
  const ean = stop.barcode ? printable(stop.barcode) : ""
  const together = sku && ean && textWidth(doc, sku, BOLD, 9) + textWidth(doc, `   ${ean}`, REGULAR, 8) <= width
  if (together) {
    doc.font(BOLD).fontSize(9)
    const height = doc.currentLineHeight(true)
    if (draw) {
      doc.fillColor(INK).text(sku, x, at, { continued: true, lineBreak: false })
      doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(`   ${ean}`, { lineBreak: false })
    }
    at += height
  } else if (sku) {
    line(sku, BOLD, 9, INK)
  }
  const barcode = stop.sku ? barcodes.get(stop.sku.trim()) : undefined
  if (barcode) {
    if (draw) drawBarcode(doc, barcode, { x, y: at + 1, maxWidth: width - 4, height: 20, module: 0.8 })
    at += 23
  }
  if (ean && !together) line(ean, REGULAR, 8, MUTED)
  return at - y
}

function textWidth(doc: Doc, text: string, font: string, size: number): number {
  return doc.font(font).fontSize(size).widthOfString(text)
}

function qtyCell({ doc, columns }: Context, piece: Piece, y: number, draw: boolean): number {
  if (piece.part > 0) return 0
  if (draw) {
    const { x, width } = columns.qty
    doc.font(BOLD).fontSize(22).fillColor(INK).text(String(piece.stop.quantity), x, y - 1, { width, align: "center", lineBreak: false })
  }
  return 24
}

function toteCell(ctx: Context, piece: Piece, y: number, draw: boolean): number {
  const { doc, columns } = ctx
  const perLine = toteColumnsFor(ctx, piece.shares)
  const rows = Math.ceil(piece.shares.length / perLine)
  if (draw) {
    const { x, width } = columns.totes
    const columnWidth = (width - TOTE_GAP * (perLine - 1)) / perLine
    piece.shares.forEach((share, i) => {
      const left = x + Math.floor(i / rows) * (columnWidth + TOTE_GAP)
      const top = y + (i % rows) * TOTE_LINE
      doc.font(BOLD).fontSize(9.5).fillColor(INK).text(`T${share.tote}`, left, top, { continued: true, lineBreak: false })
      doc.font(REGULAR).fontSize(8.5).text(` ×${share.quantity} (#${share.display_id})`, { lineBreak: false })
    })
  }
  return rows * TOTE_LINE
}

function toteWidth(doc: Doc, share: ToteShare): number {
  return (
    doc.font(BOLD).fontSize(9.5).widthOfString(`T${share.tote}`) +
    doc.font(REGULAR).fontSize(8.5).widthOfString(` ×${share.quantity} (#${share.display_id})`)
  )
}

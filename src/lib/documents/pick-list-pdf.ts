import type { PickList, PickStop, ToteShare } from "../picking"
import { code128All, type Barcode } from "./barcode"
import {
  BAND, BOLD, INK, MARGIN, MUTED, REGULAR, RULE,
  bodyBottom, contentWidth, drawBarcode, finish, fitFontSize, numberPages, openDocument, paragraph, put, rule,
  type Doc, type Style,
} from "./pdf"
import { plural, printable, printedTime } from "./text"
import type { PickListPdfOptions } from "./types"

type Column = { x: number; width: number }
type Columns = { check: Column; bin: Column; item: Column; qty: Column; totes: Column }
/** A stop, or part of one when its totes do not fit on a page (the rest continues in the next row). */
type Piece = { stop: PickStop; shares: ToteShare[]; part: number }
type Header = { location: string; summary: string; generated: string }
type Context = {
  doc: Doc
  list: PickList
  header: Header
  columns: Columns
  barcodes: Map<string, Barcode>
  /** Widest tote entry per stop, measured once. */
  toteWidths: Map<PickStop, number>
}

const GAP = 8
const TOTE_GAP = 6
const PAD = 7
const TOTE_LINE = 12
const HEADING_HEIGHT = 16
const MIN_TOTES_BEFORE_BREAK = 3

const TITLE: Style = { font: BOLD, size: 10 }
const VARIANT: Style = { font: REGULAR, size: 9, color: MUTED }
const SKU: Style = { font: BOLD, size: 9 }
const EAN: Style = { font: REGULAR, size: 8, color: MUTED }
const TOTE: Style = { font: BOLD, size: 9.5 }
const TOTE_DETAIL: Style = { font: REGULAR, size: 8.5 }

/**
 * The wave's walk as a printed list: one row per stop, big bin codes, the item with its SKU
 * barcode, the quantity, and which tote gets how many. Rows never break across pages; only a
 * stop with more totes than a page holds continues in rows marked "continued".
 */
export async function renderPickListPdf(list: PickList, opts: PickListPdfOptions): Promise<Buffer> {
  const doc = openDocument(opts.paper, { title: `Pick list ${list.wave_id}`, createdAt: opts.generated_at })
  const orders = new Set(list.stops.flatMap((s) => s.breakdown.map((share) => share.order_id))).size
  const ctx: Context = {
    doc,
    list,
    header: {
      location: printable(list.location_name),
      summary: `${plural(list.units, "unit")} · ${plural(list.stops.length, "stop")} · ${plural(orders, "order")}`,
      generated: `Generated ${printedTime(opts.generated_at)}`,
    },
    columns: layoutColumns(contentWidth(doc)),
    barcodes: code128All([list.wave_id, ...list.stops.flatMap((s) => [s.bin_code, s.sku])]),
    toteWidths: new Map(),
  }

  let y = drawHeader(ctx)
  const pageTop = y
  const newPage = () => {
    doc.addPage()
    y = drawHeader(ctx)
  }
  if (list.stops.length === 0) put(doc, "Nothing to pick in this wave.", MARGIN, y + 12, { font: REGULAR, size: 12, color: MUTED })

  for (const stop of list.stops) {
    const whole: Piece = { stop, shares: stop.breakdown, part: 0 }
    const height = drawRow(ctx, whole, y, false)
    if (pageTop + height <= bodyBottom(doc)) {
      // A row that fits on a page is never split: it moves to the next page whole.
      if (y + height > bodyBottom(doc)) newPage()
      y += drawRow(ctx, whole, y, true)
      continue
    }
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
  numberPages(doc, `Pick list · ${ctx.header.location} · wave ${list.wave_id}`)
  return finish(doc)
}

function layoutColumns(width: number): Columns {
  const fixed = { check: 20, bin: 124, qty: 38, totes: 140 }
  const item = width - fixed.check - fixed.bin - fixed.qty - fixed.totes - 4 * GAP
  let x = MARGIN
  const next = (w: number): Column => {
    const column = { x, width: w }
    x += w + GAP
    return column
  }
  return { check: next(fixed.check), bin: next(fixed.bin), item: next(item), qty: next(fixed.qty), totes: next(fixed.totes) }
}

function drawHeader({ doc, list, header, columns, barcodes }: Context): number {
  const top = MARGIN
  const rightWidth = 260
  const leftWidth = contentWidth(doc) - rightWidth - 16
  put(doc, "PICK LIST", MARGIN, top, { font: BOLD, size: 9, color: MUTED, characterSpacing: 1.5 })
  put(doc, header.location, MARGIN, top + 13, { font: BOLD, size: fitFontSize(doc, header.location, BOLD, leftWidth, 20, 11) })
  put(doc, header.summary, MARGIN, top + 40, { font: BOLD, size: 11 })
  put(doc, header.generated, MARGIN, top + 56, { font: REGULAR, size: 9, color: MUTED })

  const right = MARGIN + contentWidth(doc) - rightWidth
  const wave = barcodes.get(list.wave_id.trim())
  if (wave) drawBarcode(doc, wave, { x: right, y: top, maxWidth: rightWidth, height: 36, module: 0.75, align: "right" })
  const waveStyle = { font: BOLD, size: fitFontSize(doc, list.wave_id, BOLD, rightWidth, 10, 6) }
  put(doc, list.wave_id, right, top + 41, waveStyle, { width: rightWidth, align: "right" })

  const band = top + 72
  doc.save().rect(MARGIN, band, contentWidth(doc), HEADING_HEIGHT).fill(BAND).restore()
  const heading = (text: string, column: Column, align: "left" | "center" = "left") =>
    put(doc, text, column.x, band + 5, { font: BOLD, size: 7.5, color: MUTED, characterSpacing: 0.6 }, { width: column.width, align })
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

/** How many of a piece's totes fit between y and the foot of the page. */
function totesThatFit(ctx: Context, piece: Piece, y: number): number {
  const lines = Math.floor((bodyBottom(ctx.doc) - y - 2 * PAD) / TOTE_LINE)
  const others = drawRow(ctx, { ...piece, shares: [] }, y, false)
  return y + others > bodyBottom(ctx.doc) ? 0 : Math.max(0, lines * toteColumnsFor(ctx, piece))
}

function checkCell({ doc, columns }: Context, piece: Piece, y: number, draw: boolean): number {
  if (draw) {
    const { x, width } = columns.check
    doc.save().lineWidth(1).strokeColor(INK).rect(x + (width - 11) / 2, y + 2, 11, 11).stroke().restore()
    put(doc, String(piece.stop.index + 1), x, y + 17, { font: REGULAR, size: 7.5, color: MUTED }, { width, align: "center" })
  }
  return 26
}

function binCell({ doc, columns, barcodes }: Context, piece: Piece, y: number, draw: boolean): number {
  const { x, width } = columns.bin
  const code = piece.stop.bin_code
  if (code === null) {
    if (draw) {
      put(doc, "NO BIN", x, y, { font: BOLD, size: 13, color: MUTED })
      put(doc, "find it by SKU", x, y + 17, { font: REGULAR, size: 8, color: MUTED })
    }
    return 28
  }
  const text = printable(code)
  const size = fitFontSize(doc, text, BOLD, width, piece.part > 0 ? 12 : 18, 8)
  const lineHeight = size * 1.1
  if (draw) put(doc, text, x, y, { font: BOLD, size })
  if (piece.part > 0) {
    if (draw) put(doc, `continued (${piece.part + 1})`, x, y + lineHeight + 2, { font: REGULAR, size: 8, color: MUTED })
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
  at += paragraph(doc, printable(stop.product_title) || "Untitled product", x, at, width, TITLE, piece.part > 0 ? 1 : 2, draw)
  if (piece.part > 0) return at - y
  if (stop.variant_title) at += paragraph(doc, printable(stop.variant_title), x, at, width, VARIANT, 1, draw)
  at += 3

  // SKU and the product's own barcode share a line when they fit.
  const sku = stop.sku ? `SKU ${printable(stop.sku)}` : ""
  const ean = stop.barcode ? printable(stop.barcode) : ""
  const skuWidth = sku ? doc.font(SKU.font).fontSize(SKU.size).widthOfString(sku) : 0
  const together = sku && ean && skuWidth + 8 + doc.font(EAN.font).fontSize(EAN.size).widthOfString(ean) <= width
  if (sku) {
    if (draw) put(doc, sku, x, at, SKU)
    if (draw && together) put(doc, ean, x + skuWidth + 8, at + 0.8, EAN)
    at += doc.font(SKU.font).fontSize(SKU.size).currentLineHeight(true)
  }
  const barcode = stop.sku ? barcodes.get(stop.sku.trim()) : undefined
  if (barcode) {
    if (draw) drawBarcode(doc, barcode, { x, y: at + 1, maxWidth: width - 4, height: 20, module: 0.8 })
    at += 23
  }
  if (ean && !together) at += paragraph(doc, ean, x, at, width, EAN, 1, draw)
  return at - y
}

function qtyCell({ doc, columns }: Context, piece: Piece, y: number, draw: boolean): number {
  if (piece.part > 0) return 0
  if (draw) {
    const { x, width } = columns.qty
    put(doc, String(piece.stop.quantity), x, y - 1, { font: BOLD, size: 22 }, { width, align: "center" })
  }
  return 24
}

function toteCell(ctx: Context, piece: Piece, y: number, draw: boolean): number {
  const { doc, columns } = ctx
  const perLine = toteColumnsFor(ctx, piece)
  const rows = Math.ceil(piece.shares.length / perLine)
  if (draw) {
    const { x, width } = columns.totes
    const columnWidth = (width - TOTE_GAP * (perLine - 1)) / perLine
    piece.shares.forEach((share, i) => {
      const left = x + Math.floor(i / rows) * (columnWidth + TOTE_GAP)
      const top = y + (i % rows) * TOTE_LINE
      const tote = `T${share.tote}`
      put(doc, tote, left, top, TOTE)
      put(doc, ` ×${share.quantity} (#${share.display_id})`, left + doc.widthOfString(tote), top + 0.6, TOTE_DETAIL)
    })
  }
  return rows * TOTE_LINE
}

/** Up to three tote columns side by side when the entries are short, so busy stops stay compact. */
function toteColumnsFor({ doc, columns, toteWidths }: Context, piece: Piece): number {
  if (piece.shares.length <= 2) return 1
  let widest = toteWidths.get(piece.stop)
  if (widest === undefined) {
    widest = Math.max(...piece.stop.breakdown.map((share) => toteWidth(doc, share)))
    toteWidths.set(piece.stop, widest)
  }
  return Math.max(1, Math.min(3, Math.floor((columns.totes.width + TOTE_GAP) / (widest + TOTE_GAP))))
}

function toteWidth(doc: Doc, share: ToteShare): number {
  return (
    doc.font(TOTE.font).fontSize(TOTE.size).widthOfString(`T${share.tote}`) +
    doc.font(TOTE_DETAIL.font).fontSize(TOTE_DETAIL.size).widthOfString(` ×${share.quantity} (#${share.display_id})`)
  )
}

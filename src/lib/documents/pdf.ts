import PDFDocument from "pdfkit"
import type { Barcode } from "./barcode"
import { REGULAR, registerFonts } from "./fonts"
import type { Paper } from "./types"

export type Doc = PDFKit.PDFDocument

export const MARGIN = 36
export const FOOTER_HEIGHT = 18
export const INK = "#111111"
export const MUTED = "#5f6368"
export const RULE = "#c8c8c8"
export const BAND = "#eeeeee"
export { BOLD, REGULAR } from "./fonts"

/**
 * A page-buffered document, so page numbers ("page 2 of 5") can be written at the end, with the
 * embedded Unicode fonts registered and the regular one current.
 */
export function openDocument(paper: Paper, info: { title: string; createdAt?: string }): Doc {
  const created = info.createdAt ? new Date(info.createdAt) : undefined
  const doc = new PDFDocument({
    size: paper === "letter" ? "LETTER" : "A4",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: info.title,
      Creator: "medusa-oms",
      ...(created && !Number.isNaN(created.getTime()) ? { CreationDate: created } : {}),
    },
  })
  registerFonts(doc)
  return doc.font(REGULAR)
}

export const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN
/** The lowest y a row may reach: the footer lives below it. */
export const bodyBottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER_HEIGHT

/** Writes "left text ... Page i of n" at the foot of every page. */
export function numberPages(doc: Doc, left: string): void {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // text near the page edge must not start a new page
    const y = doc.page.height - MARGIN - 8
    const width = contentWidth(doc)
    doc.font(REGULAR).fontSize(8).fillColor(MUTED)
    doc.text(left, MARGIN, y, { width: width - 80, lineBreak: false, ellipsis: true })
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN + width - 80, y, { width: 80, align: "right", lineBreak: false })
    doc.page.margins.bottom = bottomMargin
  }
}

/** Ends the document and hands back its bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
    doc.end()
  })
}

/**
 * Draws a barcode inside a box: as wide as its modules at `module` points each, narrower when
 * the box is too small, stretched to `height`. Returns the width used.
 */
export function drawBarcode(
  doc: Doc,
  barcode: Barcode,
  at: { x: number; y: number; maxWidth: number; height: number; module?: number; align?: "left" | "right" | "center" }
): number {
  const width = Math.min(at.maxWidth, barcode.modules * (at.module ?? 0.9))
  const x = at.align === "right" ? at.x + at.maxWidth - width : at.align === "center" ? at.x + (at.maxWidth - width) / 2 : at.x
  doc.image(barcode.png, x, at.y, { width, height: at.height })
  return width
}

export type Style = { font: string; size: number; color?: string; characterSpacing?: number }

/**
 * One line of text, placed without pdfkit's line wrapper (which costs more than the drawing
 * itself on a long document). Centred and right-aligned text is placed by measuring it.
 */
export function put(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  style: Style,
  box?: { width: number; align: "left" | "center" | "right" }
): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color ?? INK)
  const options = { lineBreak: false, characterSpacing: style.characterSpacing ?? 0 }
  let left = x
  if (box && box.align !== "left") {
    const free = box.width - doc.widthOfString(text, options)
    left += box.align === "center" ? free / 2 : free
  }
  doc.text(text, left, y, options)
}

/**
 * Text in a column, wrapped to at most `maxLines` lines with an ellipsis; returns its height.
 * Only text wider than the column goes through the line wrapper.
 */
export function paragraph(doc: Doc, text: string, x: number, y: number, width: number, style: Style, maxLines: number, draw: boolean): number {
  doc.font(style.font).fontSize(style.size)
  const lineHeight = doc.currentLineHeight(true)
  if (doc.widthOfString(text) <= width) {
    if (draw) put(doc, text, x, y, style)
    return lineHeight
  }
  const height = Math.min(doc.heightOfString(text, { width }), lineHeight * maxLines)
  if (draw) doc.fillColor(style.color ?? INK).text(text, x, y, { width, height, ellipsis: true })
  return height
}

/** The largest font size (down to `min`) at which one line of text fits the width. */
export function fitFontSize(doc: Doc, text: string, font: string, width: number, max: number, min: number): number {
  doc.font(font)
  for (let size = max; size > min; size -= 1) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size
  }
  return min
}

export function rule(doc: Doc, y: number, color = RULE, width = 0.6): void {
  doc.save().lineWidth(width).strokeColor(color).moveTo(MARGIN, y).lineTo(MARGIN + contentWidth(doc), y).stroke().restore()
}

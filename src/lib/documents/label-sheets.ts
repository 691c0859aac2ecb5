import { degrees, PDFDocument } from "pdf-lib"

/**
 * One print file for many label PDFs (a wave's, in pick order), with pdf-lib, which can read
 * the carriers' PDFs (pdfkit only writes new ones).
 *
 * - "4x6": every label page as it came, one after another, for a thermal printer.
 * - "a4" / "letter": 4x6 pages two to a sheet, side by side at their real size (two 4x6 in
 *   labels fit across both sheets), for an office printer; any page that is not 4x6 (a carrier
 *   that answered with a full sheet) gets a sheet of its own, scaled to fit.
 */
export type SheetSize = "4x6" | "a4" | "letter"

const SHEETS = { a4: [595.28, 841.89], letter: [612, 792] } as const
const LABEL: [number, number] = [288, 432]
const MARGIN = 12

const isLabelPage = (w: number, h: number) =>
  (Math.abs(w - LABEL[0]) < 2 && Math.abs(h - LABEL[1]) < 2) || (Math.abs(w - LABEL[1]) < 2 && Math.abs(h - LABEL[0]) < 2)

export async function mergeLabelPdfs(files: Buffer[], size: SheetSize): Promise<Buffer> {
  const out = await PDFDocument.create()
  out.setTitle("Shipping labels")
  const sources = await Promise.all(files.map((f) => PDFDocument.load(f)))

  if (size === "4x6") {
    for (const src of sources) {
      const pages = await out.copyPages(src, src.getPageIndices())
      pages.forEach((p) => out.addPage(p))
    }
    return Buffer.from(await out.save())
  }

  const [sheetW, sheetH] = SHEETS[size]
  let slot = 0
  let sheet: ReturnType<PDFDocument["addPage"]> | null = null
  for (const src of sources) {
    const embedded = await out.embedPages(src.getPages())
    for (const page of embedded) {
      if (isLabelPage(page.width, page.height)) {
        const portrait = page.width < page.height
        if (!sheet || slot === 2) {
          sheet = out.addPage([sheetW, sheetH])
          slot = 0
        }
        const x = MARGIN + slot * (LABEL[0] + MARGIN)
        const y = sheetH - MARGIN - LABEL[1]
        // A landscape 4x6 page is turned upright so two still fit across.
        if (portrait) sheet.drawPage(page, { x, y, width: LABEL[0], height: LABEL[1] })
        else sheet.drawPage(page, { x: x + LABEL[0], y, width: LABEL[1], height: LABEL[0], rotate: degrees(90) })
        slot++
      } else {
        const own = out.addPage([sheetW, sheetH])
        const scale = Math.min((sheetW - 2 * MARGIN) / page.width, (sheetH - 2 * MARGIN) / page.height, 1)
        own.drawPage(page, { x: MARGIN, y: sheetH - MARGIN - page.height * scale, width: page.width * scale, height: page.height * scale })
        sheet = null
      }
    }
  }
  return Buffer.from(await out.save())
}

/** ZPL labels are plain text, one ^XA...^XZ block each: a printer takes them back to back. */
export function joinZplLabels(files: Buffer[]): Buffer {
  return Buffer.from(files.map((f) => f.toString("utf8").trim()).join("\n") + "\n", "utf8")
}

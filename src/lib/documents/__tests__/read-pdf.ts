// pdf-parse 1.x is CommonJS with its own pdf.js build, so it runs in jest without ESM flags.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require("pdf-parse") as (
  data: Buffer,
  options?: { pagerender?: (page: PdfPage) => Promise<string> }
) => Promise<{ numpages: number; text: string }>

type PdfPage = {
  getTextContent(options: object): Promise<{ items: { str: string; transform: number[] }[] }>
}

/** The text of each page, one line per text baseline, read back the way a person reads it. */
export async function readPdf(pdf: Buffer): Promise<{ pages: string[]; text: string }> {
  const pages: string[] = []
  // A copy with its own ArrayBuffer: a small Buffer is a view into Node's shared 8 KB pool, and
  // this pdf.js reads the whole underlying buffer, so it would parse the neighbours' bytes too.
  await pdfParse(new Uint8Array(pdf) as Buffer, {
    pagerender: async (page) => {
      const content = await page.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false })
      let text = ""
      let lastY: number | null = null
      for (const item of content.items) {
        const y = item.transform[5]
        text += lastY === null || Math.abs(y - lastY) < 1 ? item.str : `\n${item.str}`
        lastY = y
      }
      pages.push(text)
      return text
    },
  })
  return { pages, text: pages.join("\n") }
}

/** Image XObjects that are pictures (not the transparency masks pdfkit adds for PNG alpha). */
export function imageCount(pdf: Buffer): number {
  const raw = pdf.toString("latin1")
  const images = raw.match(/\/Subtype \/Image/g)?.length ?? 0
  const masks = raw.match(/\/SMask \d+ 0 R/g)?.length ?? 0
  return images - masks
}

export function pageSize(pdf: Buffer): [number, number] {
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString("latin1"))
  if (!box) throw new Error("no MediaBox")
  return [Math.round(Number(box[1])), Math.round(Number(box[2]))]
}

/** Both papers the documents print on, with their page size in points. */
export const PAPERS = [
  ["a4", [595, 842]],
  ["letter", [612, 792]],
] as const

/** Every needle is in the text, in the order given (a walk, a list of SKUs). */
export function expectInOrder(text: string, needles: string[]): void {
  const at = needles.map((needle) => text.indexOf(needle))
  expect(at.every((p) => p >= 0)).toBe(true)
  expect(at).toEqual([...at].sort((a, b) => a - b))
}

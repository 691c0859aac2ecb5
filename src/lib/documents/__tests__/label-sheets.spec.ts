import { PDFDocument } from "pdf-lib"
import { joinZplLabels, mergeLabelPdfs } from "../label-sheets"

async function pdf(pages: [number, number][]): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (const size of pages) doc.addPage(size).drawRectangle({ x: 10, y: 10, width: 50, height: 20 })
  return Buffer.from(await doc.save())
}

const sizes = async (file: Buffer) => (await PDFDocument.load(file)).getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])

describe("a wave's label print file", () => {
  it("keeps each 4x6 label on its own page for a thermal printer, in the order given", async () => {
    const merged = await mergeLabelPdfs([await pdf([[288, 432]]), await pdf([[288, 432], [288, 432]])], "4x6")
    expect(await sizes(merged)).toEqual([[288, 432], [288, 432], [288, 432]])
  })

  it("puts 4x6 labels two to an A4 or Letter sheet", async () => {
    const three = [await pdf([[288, 432]]), await pdf([[432, 288]]), await pdf([[288, 432]])]
    expect(await sizes(await mergeLabelPdfs(three, "a4"))).toEqual([[595, 842], [595, 842]])
    expect(await sizes(await mergeLabelPdfs(three, "letter"))).toEqual([[612, 792], [612, 792]])
  })

  it("gives a page that is not a 4x6 label a sheet of its own", async () => {
    const files = [await pdf([[288, 432]]), await pdf([[595, 842]]), await pdf([[288, 432]])]
    expect(await mergeLabelPdfs(files, "a4").then(sizes)).toEqual([[595, 842], [595, 842], [595, 842]])
  })

  it("sends ZPL labels back to back", () => {
    const out = joinZplLabels([Buffer.from("^XA^FDone^FS^XZ\n"), Buffer.from("^XA^FDtwo^FS^XZ")]).toString()
    expect(out).toBe("^XA^FDone^FS^XZ\n^XA^FDtwo^FS^XZ\n")
  })
})

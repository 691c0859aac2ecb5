import { renderPackingSlipPdf, renderPickListPdf } from ".."
import { readPdf } from "./read-pdf"
import { sampleSlip, sampleWave } from "./samples"

// The first render in a process opens the embedded fonts: seconds when the machine is busy.
jest.setTimeout(30_000)

// Polish, Greek, Turkish and Czech names: none of them fits Windows-1252, the old PDF alphabet.
const NAMES = ["Łukasz Żółć", "Ελένη", "Şükrü", "Čeněk Dvořák"]

/** The fonts the PDF embeds, by their PostScript names without the subset tag. */
function embeddedFonts(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1")
  const names = [...raw.matchAll(/\/FontName \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1])
  return [...new Set(names)].sort()
}

describe("names in any Latin, Greek or Cyrillic script", () => {
  it("print letter for letter on a pick list: location, product and variant names", async () => {
    const list = sampleWave()
    list.location_name = "Magazyn Łódź"
    NAMES.forEach((name, i) => {
      list.stops[i].product_title = `${name} kubek`
      list.stops[i].variant_title = `${name} / Ψ`
    })
    const pdf = await renderPickListPdf(list, { paper: "a4", generated_at: "2025-06-02T14:05:00Z" })
    const { text } = await readPdf(pdf)
    expect(text).toContain("Magazyn Łódź")
    for (const name of NAMES) {
      expect(text).toContain(`${name} kubek`)
      expect(text).toContain(`${name} / Ψ`)
    }
    expect(embeddedFonts(pdf)).toEqual(["DejaVuSans", "DejaVuSans-Bold"])
    // Only the glyphs used are embedded: the two font files alone are 1.4 MB.
    expect(pdf.length).toBeLessThan(80_000)
  })

  it("print letter for letter on a packing slip: customer, company, city, product and variant names", async () => {
    const slip = sampleSlip()
    slip.ship_to = { ...slip.ship_to, name: NAMES[0], company: NAMES[1], city: NAMES[2] }
    slip.items = NAMES.map((name, i) => ({ sku: `SKU-${i}`, title: name, variant_title: `${name} XL`, quantity: 1, barcode: null }))
    const pdf = await renderPackingSlipPdf(slip, { paper: "letter" })
    const { text } = await readPdf(pdf)
    for (const name of NAMES) {
      expect(text).toContain(name)
      expect(text).toContain(`${name} XL`)
    }
    expect(text).toContain(`02110 ${NAMES[2]}, MA`)
    expect(embeddedFonts(pdf)).toEqual(["DejaVuSans", "DejaVuSans-Bold"])
    expect(pdf.length).toBeLessThan(80_000)
  })

  it("prints a name typed with combining accents as the composed letters", async () => {
    const slip = sampleSlip()
    slip.ship_to = { ...slip.ship_to, name: "C\u030cene\u030ck Dvor\u030ca\u0301k" }
    const { text } = await readPdf(await renderPackingSlipPdf(slip, { paper: "a4" }))
    expect(text).toContain("Čeněk Dvořák")
  })
})

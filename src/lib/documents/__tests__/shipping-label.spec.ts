import { inflateSync } from "zlib"
import { renderShippingLabelPdf, renderShippingLabelZpl, type ShippingLabelContent } from ".."
import { imageCount, pageSize, readPdf } from "./read-pdf"

// The first render in a process opens the embedded fonts: seconds when the machine is busy.
jest.setTimeout(30_000)

const label = (over: Partial<ShippingLabelContent> = {}): ShippingLabelContent => ({
  carrier_name: "Offline carrier",
  service_name: "Offline Express",
  tracking_number: "OL123456789012",
  from: { name: "Newark DC", company: "Acme Goods", line1: "10 Dock Road", city: "Newark", postal_code: "07102", province: "NJ", country_code: "US" },
  to: { name: "Zoë Łukasiewicz", line1: "221 Harbor Street", line2: "Apt 4B", city: "Boston", postal_code: "02110", province: "MA", country_code: "us" },
  weight_g: 1250,
  reference: "olabel_order_1003_attempt_1",
  parcel_number: 1,
  parcel_count: 2,
  shipped_at: "2026-12-01T14:05:00Z",
  ...over,
})

/** The PNG of each image XObject, inflated: the barcode's bars are black and white pixels. */
function imagesOf(pdf: Buffer): Buffer[] {
  const raw = pdf.toString("latin1")
  const found: Buffer[] = []
  for (const m of raw.matchAll(/\/Subtype \/Image[^]*?stream\r?\n/g)) {
    const start = m.index! + m[0].length
    const end = raw.indexOf("endstream", start)
    found.push(inflateSync(pdf.subarray(start, end)))
  }
  return found
}

describe("shipping label PDF", () => {
  it("is a 4x6 in page with from, to, service, weight, reference and the tracking number", async () => {
    const pdf = await renderShippingLabelPdf([label()], { size: "4x6" })
    expect(pageSize(pdf)).toEqual([288, 432])
    const { text } = await readPdf(pdf)
    for (const needle of ["OFFLINE CARRIER", "Newark DC", "Acme Goods", "SHIP TO", "Zoë Łukasiewicz", "221 Harbor Street", "02110 Boston, MA", "US", "Offline Express", "Weight 1.25 kg", "Shipped 2026-12-01", "OL123456789012", "Ref olabel_order_1003_attempt_1", "Parcel 1 of 2"]) {
      expect(text).toContain(needle)
    }
    expect(text.indexOf("Newark DC")).toBeLessThan(text.indexOf("Zoë Łukasiewicz"))
  })

  it("holds the tracking number's Code 128 as an image", async () => {
    const pdf = await renderShippingLabelPdf([label()], { size: "4x6" })
    expect(imageCount(pdf)).toBe(1)
    const [bars] = imagesOf(pdf)
    // One row of a 1-bit image: both black (0) and white (1) bits, i.e. bars and spaces.
    const row = [...bars.subarray(1)]
    expect(row.some((byte) => byte !== 0xff) && row.some((byte) => byte !== 0x00)).toBe(true)
    const none = await renderShippingLabelPdf([label({ tracking_number: "OL–123" })], { size: "4x6" })
    expect(imageCount(none)).toBe(0) // Code 128 cannot hold the en dash: the number is printed as text only
    expect((await readPdf(none)).text).toContain("OL–123")
  })

  it.each([
    ["a4", [595, 842]],
    ["letter", [612, 792]],
  ] as const)("puts the 4x6 label on an %s sheet with a line to cut along", async (size, page) => {
    const pdf = await renderShippingLabelPdf([label()], { size })
    expect(pageSize(pdf)).toEqual(page)
    const { text } = await readPdf(pdf)
    expect(text).toContain("OL123456789012")
    expect(text).toContain("Cut along the dashed line")
    expect(imageCount(pdf)).toBe(1)
  })

  it("prints one page per parcel, and a return label says so", async () => {
    const pdf = await renderShippingLabelPdf([label(), label({ tracking_number: "OL999", parcel_number: 2, is_return: true })], { size: "4x6" })
    const { pages } = await readPdf(pdf)
    expect(pages).toHaveLength(2)
    expect(pages[1]).toContain("OL999")
    expect(pages[1]).toContain("RETURN TO")
    expect(pages[0]).not.toContain("RETURN")
  })
})

describe("shipping label ZPL", () => {
  it("is one ^XA..^XZ format per parcel with a ^BC Code 128 of the tracking number and the text", () => {
    const zpl = renderShippingLabelZpl([label(), label({ tracking_number: "OL000000000018", parcel_number: 2 })])
    const formats = zpl.split("^XZ").filter((f) => f.trim())
    expect(formats).toHaveLength(2)
    expect(formats[0]).toMatch(/\^BC[NRIB],\d+,[YN],[YN],[YN]\^FDOL123456789012\^FS/)
    expect(formats[1]).toContain("^FDOL000000000018^FS")
    expect(formats[0]).toContain("^PW812")
    expect(formats[0]).toContain("^LL1218")
    for (const needle of ["Newark DC", "Zoë Łukasiewicz", "Offline Express", "Weight 1.25 kg", "Ref olabel_order_1003_attempt_1", "Parcel 1 of 2"]) {
      expect(formats[0]).toContain(needle)
    }
  })

  it("escapes ZPL's own control characters in text so a name cannot end a field", () => {
    const zpl = renderShippingLabelZpl([label({ to: { ...label().to, name: "Caret ^XZ Tilde ~ Back\\slash" } })])
    expect(zpl).toContain("^FH\\^FDCaret \\5EXZ Tilde \\7E Back\\5Cslash^FS")
    expect(zpl.match(/\^XZ/g)).toHaveLength(1)
  })

  it("prints a tracking number Code 128 cannot hold as text only", () => {
    const zpl = renderShippingLabelZpl([label({ tracking_number: "A>B" })])
    expect(zpl).not.toContain("^BC")
    expect(zpl).toContain("^FDA>B^FS")
  })
})

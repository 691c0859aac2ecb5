import { renderPackingSlipPdf } from ".."
import { expectInOrder, imageCount, PAPERS, pageSize, readPdf } from "./read-pdf"
import { sampleSlip } from "./samples"

// The first render in a process opens the embedded fonts: seconds when the machine is busy.
jest.setTimeout(30_000)

describe("renderPackingSlipPdf", () => {
  it.each(PAPERS)("prints order, ship-to, wave and tote, and every item with SKU, barcode and quantity on %s", async (paper, size) => {
    const slip = sampleSlip()
    const pdf = await renderPackingSlipPdf(slip, { paper })
    expect(pageSize(pdf)).toEqual(size)
    const { text } = await readPdf(pdf)
    expect(text).toContain("Order #1003")
    expect(text).toContain("order_01JX3Q9A7D2C6V8B4N1M0K5H3G")
    expect(text).toContain("Zoë Łukasiewicz")
    expect(text).toContain("221 Harbor Street")
    expect(text).toContain("02110 Boston, MA")
    expect(text).toContain("Packed at Newark DC")
    expect(text).toContain("Tote 3")
    expect(text).toContain("Wave owave_01JX3Q7W2ZB9K4M8T6R5N1P0AC")
    expectInOrder(text, slip.items.map((i) => `SKU ${i.sku}`))
    expect(text).toContain("Barcode 4006381333931")
    expect(text).toContain("10 units in 4 lines")
    // The order number and four SKUs as Code 128.
    expect(imageCount(pdf)).toBe(5)
  })

  it("continues a long order on further pages without splitting an item", async () => {
    const slip = sampleSlip()
    slip.items = Array.from({ length: 40 }, (_, i) => ({ sku: `PART-${i}`, title: `Part ${i}`, variant_title: null, quantity: 1, barcode: null }))
    const { pages } = await readPdf(await renderPackingSlipPdf(slip, { paper: "a4" }))
    expect(pages.length).toBeGreaterThan(1)
    expect(pages[1]).toContain("Order #1003 (continued)")
    for (let i = 0; i < 40; i++) {
      const page = pages.find((p) => p.includes(`SKU PART-${i}\n`) || p.endsWith(`SKU PART-${i}`))!
      expect(page).toContain(`Part ${i}`)
    }
    expect(pages[pages.length - 1]).toContain("40 units in 40 lines")
  })
})

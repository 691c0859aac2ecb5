import { renderPickListPdf } from ".."
import { expectInOrder, imageCount, PAPERS, pageSize, readPdf } from "./read-pdf"
import { bigWave, sampleWave } from "./samples"

// The first render in a process opens the embedded fonts: seconds when the machine is busy.
jest.setTimeout(30_000)

const generated_at = "2025-06-02T14:05:00Z"

describe("renderPickListPdf", () => {
  it.each(PAPERS)("prints the walk on %s paper: bins in walk order, items, quantities, totes and the wave", async (paper, size) => {
    const list = sampleWave()
    const pdf = await renderPickListPdf(list, { paper, generated_at })
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    expect(pageSize(pdf)).toEqual(size)

    const { text, pages } = await readPdf(pdf)
    expect(pages).toHaveLength(1)
    const bins = list.stops.flatMap((s) => (s.bin_code ? [s.bin_code] : []))
    expect(bins).toEqual(["A-01-1-A", "A-01-3-B", "A-02-4-A", "A-02-1-C", "B-01-2-A"])
    expectInOrder(text, [...bins, "NO BIN"])

    for (const stop of list.stops) expect(text).toContain(`SKU ${stop.sku}`)
    expect(text).toContain("owave_01JX3Q7W2ZB9K4M8T6R5N1P0AC")
    expect(text).toContain("Newark DC")
    expect(text).toContain("26 units · 6 stops · 8 orders")
    expect(text).toContain("Generated 2025-06-02 14:05 UTC")
    expect(text).toContain("Enamel Camping Mug")
    expect(text).toContain("Blue / 350 ml")
    expect(text).toContain("4006381333931")
    expect(text).toContain("T1 ×1 (#1001)")
    expect(text).toContain("T6 ×3 (#1006)")
    expect(text).toContain("Page 1 of 1")
    // Code 128 images: the wave, five bins and six SKUs.
    expect(imageCount(pdf)).toBe(12)
  })

  it("breaks pages between rows, numbers them, and continues a stop whose totes fill more than a page", async () => {
    const list = bigWave(40, 120)
    const pdf = await renderPickListPdf(list, { paper: "letter", generated_at })
    const { pages, text } = await readPdf(pdf)
    expect(pages.length).toBeGreaterThan(3)
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`))

    expectInOrder(text, list.stops.map((s) => s.bin_code!))

    // Every other stop keeps its bin, SKU and tote on one page.
    for (const stop of list.stops.filter((s) => s.breakdown.length === 1)) {
      const [share] = stop.breakdown
      const page = pages.find((p) => p.includes(stop.bin_code!))!
      expect(page).toContain(`SKU ${stop.sku}`)
      expect(page).toContain(`T${share.tote} ×1 (#${share.display_id})`)
    }
    // The busy stop lists all 120 totes, the later ones under a "continued" row.
    const busy = list.stops.find((s) => s.breakdown.length === 120)!
    for (const share of busy.breakdown) expect(text).toContain(`T${share.tote} ×1 (#${share.display_id})`)
    expect(text).toContain("continued (2)")
  })

  it("says so when a wave has nothing to pick", async () => {
    const pdf = await renderPickListPdf({ wave_id: "owave_EMPTY", location_name: "Reno", stops: [], units: 0 }, { paper: "a4", generated_at })
    const { text } = await readPdf(pdf)
    expect(text).toContain("Nothing to pick in this wave.")
    expect(text).toContain("owave_EMPTY")
  })

  it("prints characters the embedded fonts lack as \"?\", and still prints values a barcode cannot hold", async () => {
    const list = sampleWave()
    list.location_name = "Łódź Magazyn"
    list.stops[0].product_title = "Kubek – żółty 杯"
    list.stops[1].sku = "TEE-ÜBER"
    const { text } = await readPdf(await renderPickListPdf(list, { paper: "a4", generated_at }))
    expect(text).toContain("Łódź Magazyn")
    expect(text).toContain("Kubek – żółty ?")
    expect(text).toContain("SKU TEE-ÜBER")
  })
})

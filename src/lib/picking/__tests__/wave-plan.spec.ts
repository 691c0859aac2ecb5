import { packBenchItems, pickListInput, planWave, type WaveBuildSource } from ".."
import { waveCandidate as candidate } from "./fixtures"

const now = new Date("2025-06-02T12:00:00Z")

const source: WaveBuildSource = {
  location: { id: "sloc_newark", name: "Newark DC" },
  candidates: [candidate(1002, "2025-06-02T09:00:00Z", [2]), candidate(1001, "2025-06-01T09:00:00Z", [1, 3])],
  details: {
    li_1001_0: { sku: "MUG-BLUE", barcode: "4000000000017", product_title: "Mug", variant_title: "Blue" },
  },
  bins: { iitem_0: { code: "A-01-1-A", walk_sequence: 1 } },
}

describe("planning a wave", () => {
  it("takes the oldest orders first, one tote each, and counts what the wave holds", () => {
    const plan = planWave(source, {}, now)
    expect(plan.orders).toEqual([
      { order_id: "order_1001", display_id: 1001, tote: 1 },
      { order_id: "order_1002", display_id: 1002, tote: 2 },
    ])
    expect(plan.lines.map((l) => [l.line_item_id, l.quantity, l.tote])).toEqual([
      ["li_1001_0", 1, 1],
      ["li_1001_1", 3, 1],
      ["li_1002_0", 2, 2],
    ])
    expect(plan.counts).toEqual({ orders: 2, lines: 3, units: 6 })
    expect(plan).toMatchObject({ stock_location_id: "sloc_newark", location_name: "Newark DC" })
  })

  it("takes only the orders the filters let through", () => {
    const plan = planWave(source, { max_orders: 1 }, now)
    expect(plan.orders.map((o) => o.display_id)).toEqual([1001])
    expect(plan.counts).toEqual({ orders: 1, lines: 2, units: 4 })
  })

  it("prints the order's own snapshot of each line, and falls back to the wave's SKU without one", () => {
    const input = pickListInput(source, planWave(source, {}, now), "owave_1")
    expect(input.wave_id).toBe("owave_1")
    expect(input.bins).toBe(source.bins)
    expect(input.lines[0]).toEqual({
      order_id: "order_1001",
      line_item_id: "li_1001_0",
      inventory_item_id: "iitem_0",
      sku: "MUG-BLUE",
      barcode: "4000000000017",
      product_title: "Mug",
      variant_title: "Blue",
      quantity: 1,
    })
    expect(input.lines[1]).toMatchObject({ sku: "SKU-1", barcode: null, product_title: "", variant_title: null })
  })
})

describe("the packing bench's lines", () => {
  it("name each line from the order's snapshot, carry the variant's measures and sort by SKU", () => {
    const items = packBenchItems(
      new Map([
        ["li_2", 1],
        ["li_1", 2],
      ]),
      [
        { id: "li_1", variant_id: "v_1", variant_sku: "TEE-M", variant_barcode: "1", product_title: "Tee", variant_title: "M" },
        { id: "li_2", variant_id: "v_2", variant_sku: "CAP", variant_barcode: null, product_title: null, title: "Cap (line title)" },
      ],
      [
        { id: "v_1", weight: "250", length: 30, width: "", height: null },
        { id: "v_2", weight: 80 },
      ]
    )
    expect(items).toEqual([
      { line_item_id: "li_2", sku: "CAP", barcode: null, title: "Cap (line title)", variant_title: null, quantity: 1, weight: 80, length: null, width: null, height: null },
      { line_item_id: "li_1", sku: "TEE-M", barcode: "1", title: "Tee", variant_title: "M", quantity: 2, weight: 250, length: 30, width: null, height: null },
    ])
  })

  it("still list a line the order no longer shows, by its id", () => {
    expect(packBenchItems(new Map([["li_gone", 1]]), [], [])).toEqual([
      { line_item_id: "li_gone", sku: null, barcode: null, title: "", variant_title: null, quantity: 1, weight: null, length: null, width: null, height: null },
    ])
  })
})

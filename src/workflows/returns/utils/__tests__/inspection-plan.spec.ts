import { gradeDefaultDisposition, planInspection, PlanLine, unitsByOrderLine } from "../inspection-plan"

const lines: PlanLine[] = [
  { id: "l1", order_line_item_id: "item_1", sku: "TEE-L", title: "Classic Tee L", quantity: 3, keep_it: false, destination_location_id: "reno" },
  { id: "l2", order_line_item_id: "item_2", sku: "MUG-BLK", title: "Enamel Mug Black", quantity: 1, keep_it: false, destination_location_id: null },
  { id: "l3", order_line_item_id: "item_3", sku: "STK-BLK", title: "Sticker Pack Black", quantity: 2, keep_it: true, destination_location_id: null },
]
const medusa_items = [
  { item_id: "item_1", quantity: 3, received_quantity: 0 },
  { item_id: "item_2", quantity: 1, received_quantity: 0 },
  { item_id: "item_3", quantity: 2, received_quantity: 0 },
]
const plan = (entries: any[], fallback: string | null = "newark") =>
  planInspection({ rma_code: "R-TEST2345", lines, entries, medusa_items, fallback_location_id: fallback })

describe("planInspection", () => {
  it("defaults dispositions from the grade", () => {
    expect(["new", "opened", "damaged", "missing", "wrong_item"].map((g) => gradeDefaultDisposition(g as any))).toEqual([
      "restock",
      "restock",
      "write_off",
      "none",
      "none",
    ])
  })

  it("restocks per location in one session each, dismisses the rest (keep-it lines too) in the first", () => {
    const p = plan([
      { return_line_id: "l1", grade: "new", quantity: 1 },
      { return_line_id: "l1", grade: "opened", quantity: 1, location_id: "coleshill" },
      { return_line_id: "l1", grade: "damaged", quantity: 1 },
      { return_line_id: "l2", grade: "missing", quantity: 1 },
      { return_line_id: null, grade: "wrong_item", quantity: 1, scanned_code: "TEE-M" },
    ])
    expect(p.problems).toEqual([])
    expect(p.sessions).toEqual([
      { location_id: "coleshill", receive: [{ id: "item_1", quantity: 1 }], dismiss: p.dismiss },
      { location_id: "reno", receive: [{ id: "item_1", quantity: 1 }], dismiss: [] },
    ])
    expect(p.dismiss).toEqual([
      { id: "item_1", quantity: 1 },
      { id: "item_2", quantity: 1 },
      { id: "item_3", quantity: 2 },
    ])
    expect(p.records.map((r) => [r.grade, r.disposition, r.location_id])).toEqual([
      ["new", "restock", "reno"],
      ["opened", "restock", "coleshill"],
      ["damaged", "write_off", null],
      ["missing", "none", null],
      ["wrong_item", "none", null],
    ])
    expect(Object.fromEntries(unitsByOrderLine(p))).toEqual({ item_1: 3, item_2: 1, item_3: 2 })
  })

  it("uses the return's location for a line without a destination", () => {
    const p = plan([
      { return_line_id: "l1", grade: "new", quantity: 3 },
      { return_line_id: "l2", grade: "new", quantity: 1 },
    ])
    expect(p.sessions.map((s) => s.location_id)).toEqual(["newark", "reno"])
  })

  it("names the entry of a line graded too few or too many times, and a line with no entry", () => {
    const p = plan([{ return_line_id: "l1", grade: "new", quantity: 2 }])
    expect(p.problems).toEqual([
      { field: "entries.0.quantity", message: "TEE-L has 3 units and 2 were graded: grade every unit exactly once" },
      { field: "entries", message: "MUG-BLK (line l2, 1 units) has no entry: grade every unit of every line" },
    ])
    expect(p.sessions).toEqual([])
  })

  it("refuses dispositions a grade does not allow, wrong items with a line, unknown and keep-it lines", () => {
    const p = plan([
      { return_line_id: "l1", grade: "damaged", quantity: 3, disposition: "restock" },
      { return_line_id: "l2", grade: "wrong_item", quantity: 1 },
      { return_line_id: "nope", grade: "new", quantity: 1 },
      { return_line_id: "l3", grade: "new", quantity: 2 },
    ])
    expect(p.problems.map((x) => x.field)).toEqual([
      "entries.0.disposition",
      "entries.1.return_line_id",
      "entries.2.return_line_id",
      "entries.3.return_line_id",
      "entries",
    ])
    expect(p.problems[0].message).toBe("a damaged unit can be write_off or refurbish or return_to_vendor (got 'restock')")
  })

  it("asks where to restock when neither the entry, the line nor the return says", () => {
    const p = plan([
      { return_line_id: "l1", grade: "new", quantity: 3 },
      { return_line_id: "l2", grade: "new", quantity: 1 },
    ], null)
    expect(p.problems).toEqual([{ field: "entries.1.location_id", message: "say where MUG-BLK is restocked: the line has no destination" }])
  })
})

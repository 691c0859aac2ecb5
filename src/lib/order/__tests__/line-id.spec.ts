import fc from "fast-check"
import { plannerLineId, splitPlannerLineId } from ".."

// Medusa ids: a prefix, an underscore and a ULID-like tail; never a "|".
const medusaId = fc.tuple(fc.constantFrom("ordli", "iitem", "item"), fc.stringMatching(/^[0-9A-Z]{1,26}$/)).map(([p, t]) => `${p}_${t}`)

describe("order line item refs", () => {
  it("names one inventory item of one order line and gives both back", () => {
    fc.assert(
      fc.property(medusaId, medusaId, (line, item) => {
        expect(splitPlannerLineId(plannerLineId(line, item))).toEqual({ line_item_id: line, inventory_item_id: item })
      })
    )
  })

  it("keeps the parts of a kit line apart, and the same item on two lines apart", () => {
    fc.assert(
      fc.property(medusaId, medusaId, medusaId, (line, a, b) => {
        fc.pre(a !== b)
        expect(plannerLineId(line, a)).not.toBe(plannerLineId(line, b))
        expect(plannerLineId(a, line)).not.toBe(plannerLineId(b, line))
      })
    )
  })
})

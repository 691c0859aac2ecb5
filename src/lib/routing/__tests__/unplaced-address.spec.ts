import { geocodeAddress } from "../../geo"
import { defaultRuleSet } from "../default-rule-set"
import { planAllocation } from "../planner"
import { ruleSetSchema } from "../schema"
import type { PlanInput, RuleSet } from "../types"
import { allocations, location, order } from "./fixtures"

// The European shop of issue 14: Munich is short of stock, Berlin and Milan have it.
const berlin = location("berlin", { point: { lat: 52.52, lng: 13.405 }, units: { mug: 1 } })
const milan = location("milan", { point: { lat: 45.4642, lng: 9.19 }, units: { mug: 1 } })
const munich = location("munich", { point: { lat: 48.1374, lng: 11.5755 }, units: {} })

function germanOrder(address: PlanInput["address"], ruleSet: RuleSet = defaultRuleSet()): PlanInput {
  const input = order({ mug: 1 }, [berlin, milan, munich], ruleSet, "DE")
  input.address = address
  return input
}

describe("how precisely the destination was placed", () => {
  it("ships the München order from Milan, the nearer warehouse, placed by its postal code", () => {
    const plan = planAllocation(germanOrder({ country_code: "DE", city: "München", postal_code: "80331" }), { geocode: geocodeAddress })
    expect(allocations(plan)).toEqual({ milan: { mug: 1 } })
    expect(plan.trace.placement).toEqual({ by: "postal_code" })
    expect(plan.trace.notes).toContain("The destination was placed by its postal code.")
    // Without the code, the city's native name places it near enough for the same choice.
    const byName = planAllocation(germanOrder({ country_code: "DE", city: "München" }), { geocode: geocodeAddress })
    expect(allocations(byName)).toEqual({ milan: { mug: 1 } })
    expect(byName.trace.placement).toEqual({ by: "city" })
  })

  it("stores how the address was placed: coordinates given, or the part found, with what was not", () => {
    const pointed = planAllocation(germanOrder({ country_code: "DE", point: { lat: 48.14, lng: 11.58 } }), { geocode: geocodeAddress })
    expect(pointed.trace.placement).toEqual({ by: "point" })
    const wrongCode = planAllocation(germanOrder({ country_code: "DE", city: "Köln", postal_code: "00000" }), { geocode: geocodeAddress })
    expect(wrongCode.trace.placement).toEqual({ by: "city", unmatched: ["postal_code"] })
    for (const written of ["Bayern", "Bavaria", "DE-BY", "by"]) {
      const province = planAllocation(germanOrder({ country_code: "DE", city: "Nirgendwo", province: written }), { geocode: geocodeAddress })
      expect(province.trace.placement).toEqual({ by: "province", unmatched: ["city"] })
    }
    // Without a geocoder nothing places it, and the trace says so by null rather than guessing.
    expect(planAllocation(germanOrder({ country_code: "DE", city: "München" })).trace.placement).toBeNull()
  })

  it("flags an address placed only at the country's centre, and says what was not found", () => {
    const plan = planAllocation(germanOrder({ country_code: "DE", city: "Nirgendwo" }), { geocode: geocodeAddress })
    expect(plan.status).toBe("routed")
    expect(plan.trace.notes).toContain("The destination was placed at the centre of DE: city not found; distances are from there.")
    expect(plan.trace.placement).toEqual({ by: "country", unmatched: ["city"] })
    const bare = planAllocation(germanOrder({ country_code: "de" }), { geocode: geocodeAddress })
    expect(bare.trace.notes).toContain(
      "The destination was placed at the centre of DE: no postal code, city or province given; distances are from there."
    )
  })

  it("holds such an order for a person when the rule set asks to, and only such an order", () => {
    const holding = { ...defaultRuleSet(), hold_unplaced: true }
    const held = planAllocation(germanOrder({ country_code: "DE", city: "Nirgendwo" }, holding), { geocode: geocodeAddress })
    expect(held.status).toBe("held")
    expect(held.shipments).toEqual([])
    expect(held.unallocated).toEqual([
      {
        line_id: "line_mug",
        inventory_item_id: "mug",
        quantity: 1,
        reason: "held for a person: the address was placed at the centre of DE: city not found",
      },
    ])
    const placed = planAllocation(germanOrder({ country_code: "DE", city: "Köln" }, holding), { geocode: geocodeAddress })
    expect(placed.status).toBe("routed")
    // A point given by the caller is exact, whatever the rule set says.
    const pointed = planAllocation(germanOrder({ country_code: "DE", point: { lat: 48.14, lng: 11.58 } }, holding), { geocode: geocodeAddress })
    expect(allocations(pointed)).toEqual({ milan: { mug: 1 } })
  })

  it("accepts the option in a rule set and names the field when it is not a boolean", () => {
    expect(ruleSetSchema.safeParse({ ...defaultRuleSet(), hold_unplaced: true }).success).toBe(true)
    const bad = ruleSetSchema.safeParse({ ...defaultRuleSet(), hold_unplaced: "yes" })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0].path).toEqual(["hold_unplaced"])
  })
})

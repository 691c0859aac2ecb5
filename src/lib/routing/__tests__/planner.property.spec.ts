import fc from "fast-check"
import { defaultRuleSet, planAllocation, availableUnits, type Candidate, type PlanInput, type RuleSet } from ".."
import { fewestShipmentsByBruteForce } from "./exhaustive"

/** Small random instances: up to 8 locations x 5 lines, some paused or out of market. */
const instance = fc
  .record({
    itemCount: fc.integer({ min: 1, max: 5 }),
    locations: fc.array(
      fc.record({
        active: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
        gb: fc.integer({ min: 0, max: 5 }),
        priority: fc.integer({ min: 1, max: 3 }),
        safety: fc.integer({ min: 0, max: 2 }),
        lat: fc.double({ min: 25, max: 49, noNaN: true }),
        lng: fc.double({ min: -124, max: -67, noNaN: true }),
        stock: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 })), { minLength: 5, maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 8 }
    ),
    quantities: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }),
    sharedItem: fc.boolean(),
    split: fc.constantFrom<RuleSet["split"]>({ type: "allowed" }, { type: "none" }, { type: "max_shipments", max: 2 }),
    partial: fc.constantFrom<RuleSet["partial"]>("split", "hold", "backorder"),
  })
  .map(({ itemCount, locations, quantities, sharedItem, split, partial }): PlanInput => {
    const items = Array.from({ length: itemCount }, (_, i) => `item_${i}`)
    const candidates: Candidate[] = locations.map((l, k) => ({
      id: `loc_${k}`,
      name: `Location ${k}`,
      active: l.active,
      priority: l.priority,
      markets: l.gb === 0 ? ["GB"] : [],
      daily_capacity: null,
      capacity_used_today: 0,
      safety_stock: l.safety,
      point: { lat: l.lat, lng: l.lng },
      stock: Object.fromEntries(items.map((item, i) => [item, { stocked: l.stock[i][0] + l.stock[i][1], reserved: l.stock[i][1] }])),
    }))
    // Two lines may share an inventory item: availability is per item, not per line.
    const lines = items.map((item, i) => ({ line_id: `line_${i}`, inventory_item_id: item, quantity: quantities[i], unit_value: 5 }))
    if (sharedItem) lines.push({ line_id: "line_extra", inventory_item_id: items[0], quantity: 2, unit_value: 7 })
    return {
      lines,
      address: { country_code: "US", point: { lat: 40, lng: -90 } },
      facts: { destination: { country_code: "US" }, value: 100, currency_code: "usd" },
      candidates,
      rule_set: { ...defaultRuleSet(), split, partial },
    }
  })

const eligible = (input: PlanInput) => input.candidates.filter((c) => c.active && c.markets.length === 0)

const allocated = (plan: ReturnType<typeof planAllocation>) => {
  const byLocationItem = new Map<string, number>()
  for (const s of plan.shipments) for (const l of s.lines) {
    const key = `${s.location_id}|${l.inventory_item_id}`
    byLocationItem.set(key, (byLocationItem.get(key) ?? 0) + l.quantity)
  }
  return byLocationItem
}

const runs = { numRuns: 400, seed: 20240611 }

describe("planner invariants", () => {
  it("never takes more at a location than stocked - reserved - safety stock", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planAllocation(input)
        for (const [key, units] of allocated(plan)) {
          const [locationId, item] = key.split("|")
          const c = input.candidates.find((x) => x.id === locationId)!
          expect(units).toBeLessThanOrEqual(availableUnits(c, item))
          expect(units).toBeGreaterThan(0)
        }
      }),
      runs
    )
  })

  it("ships every unit from a location that passed the filters", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const ok = new Set(eligible(input).map((c) => c.id))
        for (const s of planAllocation(input).shipments) expect(ok.has(s.location_id)).toBe(true)
      }),
      runs
    )
  })

  it("accounts for every ordered unit: allocated plus unallocated equals ordered", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planAllocation(input)
        for (const line of input.lines) {
          const shipped = plan.shipments.flatMap((s) => s.lines).filter((l) => l.line_id === line.line_id).reduce((s, l) => s + l.quantity, 0)
          const left = plan.unallocated.filter((r) => r.line_id === line.line_id).reduce((s, r) => s + r.quantity, 0)
          expect(shipped + left).toBe(line.quantity)
        }
      }),
      runs
    )
  })

  it("respects the split policy", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planAllocation(input)
        const split = input.rule_set.split
        if (split.type === "none") expect(plan.shipments.length).toBeLessThanOrEqual(1)
        if (split.type === "max_shipments") expect(plan.shipments.length).toBeLessThanOrEqual(split.max)
      }),
      runs
    )
  })

  it("uses exactly as few shipments as an exhaustive search when the order can ship whole", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const split = input.rule_set.split
        const max = split.type === "none" ? 1 : split.type === "max_shipments" ? split.max : Infinity
        const optimum = fewestShipmentsByBruteForce(eligible(input), input.lines, max)
        const plan = planAllocation(input)
        if (optimum === null) {
          expect(plan.status).not.toBe("routed")
        } else {
          expect(plan.status).toBe("routed")
          expect(plan.method).toBe("exact")
          expect(plan.shipments.length).toBe(optimum)
        }
      }),
      runs
    )
  })

  it("gives the same plan for the same input, whatever the candidate order", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const first = planAllocation(input)
        expect(planAllocation(structuredClone(input))).toEqual(first)
        expect(planAllocation({ ...input, candidates: input.candidates.slice().reverse() })).toEqual(first)
      }),
      runs
    )
  })

  it("falls back to a complete plan, never better than the optimum, when the budget runs out", () => {
    // With a tiny node budget the fallback must still be a valid, complete plan.
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planAllocation({ ...input, rule_set: { ...input.rule_set, split: { type: "allowed" } } }, { node_budget: 1 })
        const optimum = fewestShipmentsByBruteForce(eligible(input), input.lines)
        if (optimum !== null) {
          expect(plan.status).toBe("routed")
          expect(plan.shipments.length).toBeGreaterThanOrEqual(optimum)
        }
      }),
      runs
    )
  })
})

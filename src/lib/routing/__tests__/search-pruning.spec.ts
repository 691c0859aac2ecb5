import fc from "fast-check"
import { planAllocation, availableUnits, type Candidate, type PlanInput, type RuleSet } from ".."
import { haversineKm } from "../../geo/distance"
import { allocations, boston, location, order } from "./fixtures"

/**
 * The search prunes with a packing bound, a fractional cover bound, a last-slot intersection
 * and (fewest shipments, then distance) a distance bound against the runner-up. These tests
 * check it against brute force on larger, sparser instances than the invariants suite, and the
 * edge cases of each rule.
 */

const destination = { lat: 40, lng: -90 }

const rules = (bucket: number | undefined): RuleSet => ({
  rules: [
    { kind: "rank", type: "fewest_shipments" },
    { kind: "rank", type: "distance", ...(bucket ? { params: { bucket_km: bucket } } : {}) },
    { kind: "rank", type: "priority" },
  ],
  split: { type: "allowed" },
  partial: "split",
})

/** Up to 13 locations x 9 items, sparse stock, some units short, some locations without coordinates. */
const sparse = fc
  .record({
    itemCount: fc.integer({ min: 2, max: 9 }),
    locations: fc.array(
      fc.record({
        priority: fc.integer({ min: 1, max: 3 }),
        located: fc.integer({ min: 0, max: 7 }).map((n) => n > 0),
        lat: fc.double({ min: 25, max: 49, noNaN: true }),
        lng: fc.double({ min: -124, max: -67, noNaN: true }),
        stock: fc.array(fc.integer({ min: 0, max: 9 }).map((n) => (n < 6 ? 0 : n - 5)), { minLength: 9, maxLength: 9 }),
      }),
      { minLength: 2, maxLength: 13 }
    ),
    quantities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 9, maxLength: 9 }),
    bucket: fc.constantFrom(undefined, 50, 800, 100_000),
  })
  .map(({ itemCount, locations, quantities, bucket }): PlanInput => {
    const items = Array.from({ length: itemCount }, (_, i) => `item_${i}`)
    const candidates: Candidate[] = locations.map((l, k) => ({
      id: `loc_${String(k).padStart(2, "0")}`,
      name: `L${k}`,
      active: true,
      priority: l.priority,
      markets: [],
      daily_capacity: null,
      capacity_used_today: 0,
      safety_stock: 0,
      point: l.located ? { lat: l.lat, lng: l.lng } : null,
      stock: Object.fromEntries(items.map((item, i) => [item, { stocked: l.stock[i], reserved: 0 }])),
    }))
    const lines = items.map((item, i) => ({ line_id: `line_${i}`, inventory_item_id: item, quantity: quantities[i], unit_value: 5 }))
    return {
      lines,
      address: { country_code: "US", point: destination },
      facts: { destination: { country_code: "US" }, value: 100, currency_code: "usd" },
      candidates,
      rule_set: rules(bucket),
    }
  })

const compareLists = <T>(a: T[], b: T[]) => {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1
  return a.length - b.length
}

/** Every minimum cover, best first by (distance bucket, sorted priorities, sorted ids); null if none. */
function rankedMinimumCovers(input: PlanInput): Candidate[][] | null {
  const cs = input.candidates
  const demand = new Map<string, number>()
  for (const l of input.lines) demand.set(l.inventory_item_id, (demand.get(l.inventory_item_id) ?? 0) + l.quantity)
  const covers = (set: Candidate[]) => [...demand].every(([item, q]) => set.reduce((s, c) => s + availableUnits(c, item), 0) >= q)
  const subsets = (from: number, size: number): Candidate[][] =>
    size === 0 ? [[]] : cs.slice(from).flatMap((c, k) => subsets(from + k + 1, size - 1).map((rest) => [c, ...rest]))
  const distance = input.rule_set.rules.find((r) => r.kind === "rank" && r.type === "distance")
  const bucket = (distance?.params as { bucket_km?: number } | undefined)?.bucket_km ?? 0.1
  for (let size = 1; size <= cs.length; size++) {
    const found = subsets(0, size).filter(covers)
    if (found.length === 0) continue
    const key = (set: Candidate[]) => {
      const km = set.reduce((s, c) => s + (c.point ? haversineKm(c.point, destination) : Infinity), 0)
      return {
        km: Number.isFinite(km) ? Math.round(km / bucket) : Infinity,
        priorities: set.map((c) => c.priority).sort((a, b) => a - b),
        ids: set.map((c) => c.id).sort(),
      }
    }
    return found
      .map((set) => ({ set, k: key(set) }))
      .sort((a, b) => (a.k.km !== b.k.km ? (a.k.km < b.k.km ? -1 : 1) : compareLists(a.k.priorities, b.k.priorities) || compareLists(a.k.ids, b.k.ids)))
      .map((x) => x.set)
  }
  return null
}

const idsOf = (set: Candidate[]) => set.map((c) => c.id).sort()
const namesIn = (part: string) => part.split(" + ").sort()

describe("search pruning against brute force", () => {
  it("finds the minimum cover that ranks best, and the true runner-up among minimum covers", () => {
    fc.assert(
      fc.property(sparse, (input) => {
        const ranked = rankedMinimumCovers(input)
        const plan = planAllocation(input)
        if (ranked === null) {
          expect(plan.status).not.toBe("routed")
          return
        }
        expect(plan.method).toBe("exact")
        expect(plan.status).toBe("routed")
        expect(plan.shipments.map((s) => s.location_id).sort()).toEqual(idsOf(ranked[0]))
        if (ranked.length > 1) {
          const against = /\(against (.*)\)\.$/.exec(plan.trace.decision)
          expect(against).not.toBeNull()
          expect(namesIn(against![1])).toEqual(ranked[1].map((c) => c.name).sort())
        }
      }),
      { numRuns: 250, seed: 20261122 }
    )
  })
})

describe("pruning edge cases", () => {
  const far = (km: number) => ({ lat: boston.lat, lng: boston.lng + km / 84 }) // ~84 km per degree at 42.4° N

  it("keeps options tied within a distance bucket, so priority still decides", () => {
    const withBucket = rules(100_000)
    const input = order(
      { mug: 1, tee: 1 },
      [
        location("mug_near", { priority: 3, point: far(10), units: { mug: 1 } }),
        location("mug_far", { priority: 1, point: far(400), units: { mug: 1 } }),
        location("tee", { priority: 1, point: far(50), units: { tee: 1 } }),
      ],
      withBucket
    )
    const plan = planAllocation(input)
    expect(Object.keys(allocations(plan)).sort()).toEqual(["mug_far", "tee"])
    expect(plan.trace.decision).toBe("Tee + Mug_far won on priority: 1, 1 vs 1, 3 (against Mug_near + Tee).")
  })

  it("prunes by distance only against a runner-up of the same size", () => {
    // One location ships all; the runner-up (size 2) is found on its own small budget.
    const input = order({ mug: 1, tee: 1 }, [
      location("both", { point: far(900), units: { mug: 1, tee: 1 } }),
      location("mug", { point: far(5), units: { mug: 1 } }),
      location("tee", { point: far(6), units: { tee: 1 } }),
    ])
    const plan = planAllocation(input)
    expect(Object.keys(allocations(plan))).toEqual(["both"])
    expect(plan.trace.decision).toBe("Both won on fewest shipments: 1 vs 2 (against Mug + Tee).")
  })

  it("does not prune by distance when locations have no coordinates", () => {
    const input = order({ mug: 1, tee: 1 }, [
      location("a_mug", { point: null, priority: 2, units: { mug: 1 } }),
      location("b_mug", { point: far(30), priority: 1, units: { mug: 1 } }),
      location("c_tee", { point: far(10), units: { tee: 1 } }),
      location("d_tee", { point: null, units: { tee: 1 } }),
    ])
    const plan = planAllocation(input)
    expect(plan.method).toBe("exact")
    expect(Object.keys(allocations(plan)).sort()).toEqual(["b_mug", "c_tee"])
  })

  it("fills the last slot only with a location that closes every gap, not just one that stocks the item", () => {
    const input = order({ mug: 3, tee: 1 }, [
      location("a", { units: { tee: 1, mug: 1 } }),
      location("b", { units: { mug: 1 } }),
      location("c", { units: { mug: 2 } }),
    ])
    const plan = planAllocation(input)
    expect(plan.status).toBe("routed")
    expect(allocations(plan)).toEqual({ a: { tee: 1, mug: 1 }, c: { mug: 2 } })
  })

  it("needs several locations for one item when each has only part of it (bounds count units, not items)", () => {
    // Five mugs from locations of one or two each: the per-item need is 3, more than any packing of items.
    const input = order({ mug: 5, tee: 1 }, [
      location("a", { units: { mug: 2, tee: 1 } }),
      location("b", { units: { mug: 2 } }),
      location("c", { units: { mug: 1 } }),
      location("d", { units: { mug: 1 } }),
    ])
    const plan = planAllocation(input)
    expect(plan.status).toBe("routed")
    expect(plan.method).toBe("exact")
    expect(plan.shipments).toHaveLength(3)
  })

  it("a triangle of pairs needs two locations: the fractional bound (3 x 1/2) must round up, not prune the answer", () => {
    const input = order({ a: 1, b: 1, c: 1 }, [
      location("ab", { units: { a: 1, b: 1 } }),
      location("bc", { units: { b: 1, c: 1 } }),
      location("ca", { units: { c: 1, a: 1 } }),
    ])
    const plan = planAllocation(input)
    expect(plan.method).toBe("exact")
    expect(plan.shipments).toHaveLength(2)
  })

  it("stays within its step budget on a large sparse order and says the plan is heuristic", () => {
    const many = Array.from({ length: 120 }, (_, k) =>
      location(`l${String(k).padStart(3, "0")}`, { units: Object.fromEntries([0, 7, 19].map((d) => [`i${(k * 3 + d) % 40}`, 1])) })
    )
    const items = Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`i${k}`, 1]))
    const plan = planAllocation(order(items, many), { node_budget: 300 })
    expect(plan.status).toBe("routed")
    if (plan.method === "heuristic") expect(plan.trace.search_nodes).toBeLessThanOrEqual(300 + 200 + 2)
  })
})

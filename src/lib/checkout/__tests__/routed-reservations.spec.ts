import fc from "fast-check"
import { routedReservations, type ReservationRequest } from ".."
import { plannerLineId } from "../../order"
import { defaultRuleSet, planAllocation, type Candidate, type Plan } from "../../routing"
import { location } from "../../routing/__tests__/fixtures"

const request = (id: string, item: string, quantity: number, over: Partial<ReservationRequest> = {}): ReservationRequest => ({
  id,
  inventory_item_id: item,
  quantity,
  required_quantity: 1,
  allow_backorder: false,
  location_ids: [],
  ...over,
})

/** A plan that ships the given units: [location, line item, inventory item, quantity]. */
function planOf(ships: [string, string, string, number][], unallocated: Plan["unallocated"] = []): Plan {
  const byLocation = new Map<string, Plan["shipments"][number]>()
  for (const [location_id, line, item, quantity] of ships) {
    const shipment = byLocation.get(location_id) ?? { location_id, location_name: location_id, lines: [], value: 0, distance_km: null }
    shipment.lines.push({ line_id: plannerLineId(line, item), inventory_item_id: item, quantity })
    byLocation.set(location_id, shipment)
  }
  return {
    status: unallocated.length ? "partially_routed" : "routed",
    method: "exact",
    shipments: [...byLocation.values()],
    unallocated,
    trace: { steps: [], decided_by: null, decision: "", method: "exact", search_nodes: 0, notes: [] },
  }
}

const reservedAt = (r: ReturnType<typeof routedReservations>, loc: string, item: string) =>
  r.reservations.filter((x) => x.location_id === loc && x.inventory_item_id === item).reduce((s, x) => s + x.quantity, 0)

describe("checkout reservations from the plan", () => {
  it("reserves where the plan ships, splitting a line the plan splits", () => {
    const candidates = [location("reno", { units: { mug: 3 } }), location("newark", { units: { mug: 5 } })]
    const result = routedReservations({
      items: [request("li_1", "mug", 5)],
      plan: planOf([["reno", "li_1", "mug", 3], ["newark", "li_1", "mug", 2]]),
      candidates,
      country_code: "us",
    })
    expect(result.shortages).toEqual([])
    expect(result.reservations).toEqual([
      { line_item_id: "li_1", inventory_item_id: "mug", location_id: "reno", quantity: 3, allow_backorder: false },
      { line_item_id: "li_1", inventory_item_id: "mug", location_id: "newark", quantity: 2, allow_backorder: false },
    ])
  })

  it("counts what earlier lines of the same order took: two lines of one item never over-reserve a location", () => {
    // A plan made on older numbers puts both lines at Reno, which has 3 free; Newark holds the rest.
    const candidates = [location("reno", { units: { mug: 3 } }), location("newark", { units: { mug: 5 } })]
    const result = routedReservations({
      items: [request("li_1", "mug", 2), request("li_2", "mug", 2)],
      plan: planOf([["reno", "li_1", "mug", 2], ["reno", "li_2", "mug", 2]]),
      candidates,
      country_code: "US",
    })
    expect(reservedAt(result, "reno", "mug")).toBe(3)
    expect(reservedAt(result, "newark", "mug")).toBe(1)
    expect(result.shortages).toEqual([])
  })

  it("reserves what the plan leaves out where stock physically is: market first, then by priority", () => {
    const candidates = [
      location("paused", { active: false, priority: 1, units: { mug: 1 } }),
      location("overseas", { markets: ["GB"], priority: 1, units: { mug: 5 } }),
      location("late", { priority: 2, units: { mug: 5 } }),
    ]
    const result = routedReservations({
      items: [request("li_1", "mug", 3)],
      plan: planOf([], [{ line_id: plannerLineId("li_1", "mug"), inventory_item_id: "mug", quantity: 3, reason: "safety stock" }]),
      candidates,
      country_code: "US",
    })
    // "late" serves the US; "paused" and "overseas" do not, so they come after it.
    expect(result.reservations.map((r) => [r.location_id, r.quantity])).toEqual([["late", 3]])
  })

  it("refuses what no location holds unless the variant backorders, then reserves it at the line's location", () => {
    const candidates = [location("reno", { units: { mug: 2 } })]
    const plan = planOf([["reno", "li_1", "mug", 2]], [{ line_id: plannerLineId("li_1", "mug"), inventory_item_id: "mug", quantity: 3, reason: "short" }])
    const refused = routedReservations({ items: [request("li_1", "mug", 5)], plan, candidates, country_code: "US" })
    expect(refused.shortages).toEqual([{ line_item_id: "li_1", inventory_item_id: "mug", needed: 5, available: 2 }])

    const backordered = routedReservations({
      items: [request("li_1", "mug", 5, { allow_backorder: true })],
      plan,
      candidates,
      country_code: "US",
    })
    expect(backordered.shortages).toEqual([])
    expect(backordered.reservations).toEqual([
      { line_item_id: "li_1", inventory_item_id: "mug", location_id: "reno", quantity: 5, allow_backorder: true },
    ])
  })

  it("reserves a kit line's inventory units: line units times the part's required quantity", () => {
    const candidates = [location("reno", { units: { leg: 8, top: 2 } })]
    const result = routedReservations({
      items: [request("li_table", "leg", 2, { required_quantity: 4 }), request("li_table", "top", 2)],
      plan: planOf([["reno", "li_table", "leg", 8], ["reno", "li_table", "top", 2]]),
      candidates,
      country_code: "US",
    })
    expect(reservedAt(result, "reno", "leg")).toBe(8)
    expect(reservedAt(result, "reno", "top")).toBe(2)
  })
})

/**
 * Random stores and carts: up to four locations (some paused or in another market) holding
 * up to three items, some already reserved (sometimes beyond stock), and up to five cart
 * lines, some of one item, some backordering. The plan is either the planner's or an
 * arbitrary one (made on other numbers: it may ask more than a location has).
 */
const ITEMS = ["i0", "i1", "i2"]
const scenario = fc.record({
  locations: fc.array(
    fc.record({
      active: fc.boolean(),
      gb: fc.boolean(),
      priority: fc.integer({ min: 1, max: 3 }),
      stock: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 })), { minLength: 3, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 4 }
  ),
  lines: fc.array(
    fc.record({ item: fc.integer({ min: 0, max: 2 }), quantity: fc.integer({ min: 1, max: 5 }), required: fc.integer({ min: 1, max: 2 }), backorder: fc.boolean() }),
    { minLength: 1, maxLength: 5 }
  ),
  arbitraryPlan: fc.option(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 8 })), { maxLength: 8 }), { nil: undefined }),
})

function build(s: fc.RecordValue<typeof scenario> extends infer T ? T : never) {
  const candidates: Candidate[] = s.locations.map((l, k) => ({
    ...location(`loc_${k}`),
    active: l.active,
    priority: l.priority,
    markets: l.gb ? ["GB"] : [],
    stock: Object.fromEntries(ITEMS.map((item, i) => [item, { stocked: l.stock[i][0], reserved: l.stock[i][1] }])),
  }))
  const items = s.lines.map((l, n) =>
    request(`li_${n}`, ITEMS[l.item], l.quantity, { required_quantity: l.required, allow_backorder: l.backorder, location_ids: [candidates[0].id] })
  )
  let plan: Plan
  if (s.arbitraryPlan) {
    plan = planOf(
      s.arbitraryPlan.map(([loc, line, qty]) => {
        const item = items[line % items.length]
        return [candidates[loc % candidates.length].id, item.id, item.inventory_item_id, qty] as [string, string, string, number]
      })
    )
  } else {
    plan = planAllocation({
      lines: items.map((i) => ({ line_id: plannerLineId(i.id, i.inventory_item_id), inventory_item_id: i.inventory_item_id, quantity: i.quantity * i.required_quantity, unit_value: 1 })),
      address: { country_code: "US", point: null },
      facts: { destination: { country_code: "US" }, value: 1, currency_code: "usd" },
      candidates,
      rule_set: defaultRuleSet(),
    })
  }
  return { candidates, items, plan }
}

const freeAt = (c: Candidate, item: string) => Math.max(0, c.stock[item].stocked - c.stock[item].reserved)

describe("checkout reservations, for random stores and carts", () => {
  it("never reserves beyond what a location has free, counting the whole order", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { candidates, items, plan } = build(s)
        const result = routedReservations({ items, plan, candidates, country_code: "US" })
        for (const c of candidates) {
          for (const item of ITEMS) {
            // Backordered units may go beyond stock, as in Medusa; every other unit must fit.
            const firm = result.reservations
              .filter((r) => r.location_id === c.id && r.inventory_item_id === item && !r.allow_backorder)
              .reduce((sum, r) => sum + r.quantity, 0)
            expect(firm).toBeLessThanOrEqual(freeAt(c, item))
          }
        }
      }),
      { numRuns: 500 }
    )
  })

  it("reserves every unit asked for, or refuses the line with what was short", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { candidates, items, plan } = build(s)
        const result = routedReservations({ items, plan, candidates, country_code: "US" })
        for (const item of items) {
          const needed = item.quantity * item.required_quantity
          const reserved = result.reservations
            .filter((r) => r.line_item_id === item.id && r.inventory_item_id === item.inventory_item_id)
            .reduce((sum, r) => sum + r.quantity, 0)
          const shortage = result.shortages.find((x) => x.line_item_id === item.id && x.inventory_item_id === item.inventory_item_id)
          if (item.allow_backorder) {
            expect(shortage).toBeUndefined()
            expect(reserved).toBe(needed)
          } else if (shortage) {
            expect(shortage).toEqual({ line_item_id: item.id, inventory_item_id: item.inventory_item_id, needed, available: reserved })
          } else {
            expect(reserved).toBe(needed)
          }
        }
      }),
      { numRuns: 500 }
    )
  })

  it("refuses a cart only when every location has given all it has free of that item", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { candidates, items, plan } = build(s)
        const result = routedReservations({ items, plan, candidates, country_code: "US" })
        for (const shortage of result.shortages) {
          for (const c of candidates) {
            expect(reservedAt(result, c.id, shortage.inventory_item_id)).toBeGreaterThanOrEqual(freeAt(c, shortage.inventory_item_id))
          }
        }
      }),
      { numRuns: 500 }
    )
  })
})

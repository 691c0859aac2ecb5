import { defaultRuleSet, planAllocation, ruleSetSchema, type RuleSet } from ".."
import { allocations, boston, location, order } from "./fixtures"

const newarkPoint = { lat: 40.7357, lng: -74.1724 }
const renoPoint = { lat: 39.5296, lng: -119.8138 }
const austinPoint = { lat: 30.2672, lng: -97.7431 }

const withRules = (rules: RuleSet["rules"], over: Partial<RuleSet> = {}): RuleSet => ({ ...defaultRuleSet(), rules, ...over })

describe("planAllocation", () => {
  it("ships from the nearest warehouse that has everything", () => {
    const plan = planAllocation(
      order({ mug: 2 }, [
        location("reno", { point: renoPoint, units: { mug: 10 } }),
        location("newark", { point: newarkPoint, units: { mug: 10 } }),
      ])
    )
    expect(plan.status).toBe("routed")
    expect(allocations(plan)).toEqual({ newark: { mug: 2 } })
    expect(plan.trace.decision).toMatch(/^Newark won on distance: 316 km vs 4,\d{3} km/)
    expect(plan.trace.decided_by).toBe("distance")
  })

  it("prefers one parcel from far away over two from nearby", () => {
    const plan = planAllocation(
      order({ mug: 1, tee: 1 }, [
        location("newark", { point: newarkPoint, units: { mug: 5 } }),
        location("austin", { point: austinPoint, units: { tee: 5 } }),
        location("reno", { point: renoPoint, units: { mug: 5, tee: 5 } }),
      ])
    )
    expect(Object.keys(allocations(plan))).toEqual(["reno"])
    expect(plan.trace.decision).toBe("Reno won on fewest shipments: 1 vs 2 (against Newark + Austin).")
  })

  it("says in sentences why locations were skipped", () => {
    const plan = planAllocation(
      order({ mug: 1 }, [
        location("reno", { markets: ["GB"], units: { mug: 5 } }),
        location("paused", { active: false, units: { mug: 5 } }),
        location("empty", { units: { mug: 2 }, safety_stock: 2 }),
        location("newark", { point: newarkPoint, units: { mug: 5 } }),
      ])
    )
    const removed = plan.trace.steps.flatMap((s) => s.removed ?? []).map((r) => r.because)
    expect(removed).toEqual([
      "Reno was skipped: does not serve US",
      "Paused was skipped: is paused",
      "Empty was skipped: has no stock above safety stock for any line",
    ])
    expect(allocations(plan)).toEqual({ newark: { mug: 1 } })
  })

  it("never takes reserved units or the safety stock", () => {
    const tight = location("newark", { safety_stock: 3, stock: { mug: { stocked: 10, reserved: 4 } } })
    const plan = planAllocation(order({ mug: 5 }, [tight]))
    expect(allocations(plan)).toEqual({ newark: { mug: 3 } })
    expect(plan.status).toBe("partially_routed")
    expect(plan.unallocated).toEqual([
      { line_id: "line_mug", inventory_item_id: "mug", quantity: 2, reason: "only 3 of 5 units are in stock above safety stock" },
    ])
  })

  it("splits a line across locations when splitting is allowed", () => {
    const plan = planAllocation(order({ mug: 8 }, [location("a", { units: { mug: 5 } }), location("b", { units: { mug: 5 } })]))
    expect(plan.status).toBe("routed")
    expect(allocations(plan)).toEqual({ a: { mug: 5 }, b: { mug: 3 } })
  })

  it("keeps to one shipment when splitting is off, and holds or backorders the rest", () => {
    const stock = [location("a", { units: { mug: 5 } }), location("b", { units: { tee: 5 } })]
    const none = (partial: RuleSet["partial"]) => withRules(defaultRuleSet().rules, { split: { type: "none" }, partial })

    const split = planAllocation(order({ mug: 1, tee: 1 }, stock, none("split")))
    expect(split.shipments).toHaveLength(1)
    expect(split.status).toBe("partially_routed")
    expect(split.unallocated[0].reason).toMatch(/split policy \(one shipment only\)/)

    const held = planAllocation(order({ mug: 1, tee: 1 }, stock, none("hold")))
    expect(held.status).toBe("held")
    expect(held.shipments).toEqual([])
    expect(held.unallocated.map((r) => r.quantity)).toEqual([1, 1])

    const back = planAllocation(order({ mug: 1, tee: 1 }, stock, none("backorder")))
    expect(back.status).toBe("backordered")
    expect(back.unallocated).toEqual([expect.objectContaining({ quantity: 1, backorder_location_id: back.shipments[0].location_id })])
  })

  it("caps the number of shipments and the value of a split-off part", () => {
    const stock = [location("a", { units: { mug: 1 } }), location("b", { units: { tee: 1 } }), location("c", { units: { cap: 1 } })]
    const capped = planAllocation(order({ mug: 1, tee: 1, cap: 1 }, stock, withRules(defaultRuleSet().rules, { split: { type: "max_shipments", max: 2 } })))
    expect(capped.shipments).toHaveLength(2)
    expect(capped.unallocated).toHaveLength(1)

    const worth = planAllocation(order({ mug: 1, tee: 3 }, [location("a", { units: { mug: 1 } }), location("b", { units: { tee: 3 } })], withRules(defaultRuleSet().rules, { split: { type: "min_shipment_value", min_value: 20 } })))
    // The mug alone is worth 10, under 20: the order ships the tees only.
    expect(allocations(worth)).toEqual({ b: { tee: 3 } })
  })

  it("uses manual priority when the rule set ranks by it first", () => {
    const rules = withRules([{ kind: "rank", type: "priority" }])
    const plan = planAllocation(order({ mug: 1 }, [location("a", { priority: 2, units: { mug: 1 } }), location("b", { priority: 1, units: { mug: 1 } })], rules))
    expect(allocations(plan)).toEqual({ b: { mug: 1 } })
    expect(plan.trace.decision).toBe("B won on priority: 1 vs 2 (against A).")
  })

  it("breaks full ties by location id, whatever the input order", () => {
    const a = location("loc_a", { units: { mug: 1 } })
    const b = location("loc_b", { units: { mug: 1 } })
    expect(allocations(planAllocation(order({ mug: 1 }, [b, a])))).toEqual({ loc_a: { mug: 1 } })
    expect(allocations(planAllocation(order({ mug: 1 }, [a, b])))).toEqual({ loc_a: { mug: 1 } })
  })

  it("keeps the most stock with inventory balance", () => {
    const rules = withRules([{ kind: "rank", type: "inventory_balance" }])
    const plan = planAllocation(order({ mug: 2 }, [location("low", { units: { mug: 3 } }), location("high", { units: { mug: 40 } })], rules))
    expect(allocations(plan)).toEqual({ high: { mug: 2 } })
    expect(plan.trace.decision).toMatch(/won on inventory balance: leaves at least 38 units vs 1 units/)
  })

  it("applies a rule only when its condition holds", () => {
    const rules = withRules([
      { kind: "filter", type: "exclude_locations", params: { location_ids: ["a"] }, condition: { type: "country", in: ["GB"] } },
      { kind: "filter", type: "include_locations", params: { location_ids: ["b"] }, condition: { type: "order_value", min: 5 } },
    ])
    const plan = planAllocation(order({ mug: 1 }, [location("a", { units: { mug: 1 } }), location("b", { units: { mug: 1 } })], rules))
    expect(plan.trace.steps[0].applied).toBe(false)
    expect(plan.trace.steps[0].sentence).toMatch(/Does not apply: the destination country is GB \(the order has US\)/)
    expect(allocations(plan)).toEqual({ b: { mug: 1 } })
  })

  it("skips locations whose daily capacity is used up", () => {
    const rules = withRules([{ kind: "filter", type: "capacity" }, ...defaultRuleSet().rules])
    const plan = planAllocation(order({ mug: 1 }, [location("a", { daily_capacity: 10, capacity_used_today: 10, units: { mug: 1 } }), location("b", { units: { mug: 1 } })], rules))
    expect(plan.trace.steps[0].removed).toEqual([{ location_id: "a", because: "A was skipped: has used its daily capacity of 10 orders" }])
    expect(allocations(plan)).toEqual({ b: { mug: 1 } })
  })

  it("geocodes the destination when no point is given", () => {
    const input = order({ mug: 1 }, [location("newark", { point: newarkPoint, units: { mug: 1 } }), location("reno", { point: renoPoint, units: { mug: 1 } })])
    input.address = { country_code: "US", postal_code: "02134" }
    const plan = planAllocation(input, { geocode: () => ({ point: boston, precision: "postal_code" }) })
    expect(allocations(plan)).toEqual({ newark: { mug: 1 } })
    expect(plan.trace.notes).toContain("The destination was placed by its postal code.")
  })

  it("holds an order no location can ship", () => {
    const plan = planAllocation(order({ mug: 1 }, [location("a", { markets: ["GB"], units: { mug: 1 } })]))
    expect(plan.status).toBe("held")
    expect(plan.unallocated[0].reason).toBe("held for a person: only 0 of 1 units are at locations the rules allow (1 in stock anywhere)")
  })

  it("falls back to the heuristic beyond its node budget, and says so", () => {
    const many = Array.from({ length: 30 }, (_, k) => location(`l${String(k).padStart(2, "0")}`, { units: { [`i${k % 10}`]: 1, [`i${(k + 3) % 10}`]: 1 } }))
    const items = Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`i${k}`, 1]))
    const plan = planAllocation(order(items, many), { node_budget: 5 })
    expect(plan.method).toBe("heuristic")
    expect(plan.status).toBe("routed")
    expect(plan.trace.notes.join(" ")).toMatch(/greedy set cover/)
  })
})

describe("ruleSetSchema", () => {
  it("accepts the default rule set and names bad fields", () => {
    expect(ruleSetSchema.safeParse(defaultRuleSet()).success).toBe(true)
    const bad = ruleSetSchema.safeParse({
      rules: [{ kind: "filter", type: "exclude_locations" }, { kind: "rank", type: "cheapest" }],
      split: { type: "max_shipments", max: 0 },
      partial: "later",
    })
    expect(bad.success).toBe(false)
    const paths = bad.error!.issues.map((i) => i.path.join(".")).sort()
    expect(paths).toEqual(["partial", "rules.1.type", "split.max"])
  })
})

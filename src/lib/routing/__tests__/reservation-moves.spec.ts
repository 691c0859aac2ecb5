import { defaultRuleSet, reservationMoves, withExclusions, type OrderLine, type Plan } from ".."
import { plannerLineId } from "../../order"

const line = (li: string, item: string, quantity: number): OrderLine => ({ line_id: plannerLineId(li, item), inventory_item_id: item, quantity, unit_value: 1 })
const held = (id: string, li: string, item: string, location_id: string, quantity: number) => ({ id, line_item_id: li, inventory_item_id: item, location_id, quantity })
const ships = (...s: [string, string, string, number][]): Pick<Plan, "shipments" | "unallocated"> => ({
  shipments: s.map(([location_id, li, item, quantity]) => ({
    location_id,
    location_name: location_id,
    lines: [{ line_id: plannerLineId(li, item), inventory_item_id: item, quantity }],
    value: 0,
    distance_km: null,
  })),
  unallocated: [],
})

describe("reservation moves", () => {
  it("moves a line held elsewhere to where the plan ships it, split as planned", () => {
    const moves = reservationMoves([line("li_1", "mug", 3)], ships(["reno", "li_1", "mug", 2], ["newark", "li_1", "mug", 1]), [
      held("res_1", "li_1", "mug", "austin", 3),
    ])
    expect(moves.removed.map((r) => r.id)).toEqual(["res_1"])
    expect(moves.created).toEqual([
      { line_item_id: "li_1", inventory_item_id: "mug", location_id: "reno", quantity: 2 },
      { line_item_id: "li_1", inventory_item_id: "mug", location_id: "newark", quantity: 1 },
    ])
    expect(moves.moved_lines).toEqual(["li_1"])
  })

  it("leaves a line alone that is already held as planned, however its reservations are cut", () => {
    const moves = reservationMoves([line("li_1", "mug", 3)], ships(["reno", "li_1", "mug", 3]), [
      held("res_1", "li_1", "mug", "reno", 1),
      held("res_2", "li_1", "mug", "reno", 2),
    ])
    expect(moves).toEqual({ removed: [], created: [], moved_lines: [] })
  })

  it("keeps what a line holds when the plan cannot place all of it", () => {
    const plan = ships(["reno", "li_1", "mug", 1])
    plan.unallocated = [{ line_id: plannerLineId("li_1", "mug"), inventory_item_id: "mug", quantity: 2, reason: "short" }]
    const moves = reservationMoves([line("li_1", "mug", 3)], plan, [held("res_1", "li_1", "mug", "austin", 3)])
    expect(moves).toEqual({ removed: [], created: [], moved_lines: [] })
  })

  it("moves each part of a kit line on its own and names the line once", () => {
    const moves = reservationMoves(
      [line("li_kit", "leg", 4), line("li_kit", "top", 1)],
      ships(["reno", "li_kit", "leg", 4], ["reno", "li_kit", "top", 1]),
      [held("res_leg", "li_kit", "leg", "austin", 4), held("res_top", "li_kit", "top", "reno", 1)]
    )
    expect(moves.removed.map((r) => r.id)).toEqual(["res_leg"])
    expect(moves.created).toEqual([{ line_item_id: "li_kit", inventory_item_id: "leg", location_id: "reno", quantity: 4 }])
    expect(moves.moved_lines).toEqual(["li_kit"])
  })
})

describe("locations that rejected the order", () => {
  it("are filtered out before any of the shop's rules", () => {
    const ruleSet = withExclusions(defaultRuleSet(), ["sloc_reno"])
    expect(ruleSet.rules[0]).toMatchObject({ kind: "filter", type: "exclude_locations", params: { location_ids: ["sloc_reno"] } })
    expect(ruleSet.rules.slice(1)).toEqual(defaultRuleSet().rules)
  })

  it("leave the rule set as it is when there are none", () => {
    const ruleSet = defaultRuleSet()
    expect(withExclusions(ruleSet, [])).toBe(ruleSet)
  })
})

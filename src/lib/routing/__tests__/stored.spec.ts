import { defaultRuleSet, planAllocation } from ".."
import {
  parseDecisionHistory,
  parseReplaySide,
  parseRuleSetDefinition,
  parseRuleSetHistory,
  parseSimulationProgress,
  parseSimulationRows,
  parseSimulationTotals,
  parseSimulationWindow,
  parseStoredPlan,
  parseStoredShipments,
  parseStoredTrace,
  StoredJsonError,
  withDecisionEntry,
} from "../stored"
import { summarise } from "../simulate"
import { location, order } from "./fixtures"

const input = order({ mug: 2 }, [location("newark", { units: { mug: 5 } })])
const { rule_set: _ruleSet, ...seen } = input
const plan = planAllocation(input)

/** A decision's plan as record-decision writes it today. */
const storedToday = {
  shipments: plan.shipments,
  unallocated: plan.unallocated,
  moved_lines: ["line_mug"],
  excluded_location_ids: ["reno"],
  input: JSON.parse(JSON.stringify(seen)),
}

describe("parseStoredPlan", () => {
  it("reads a plan as routing writes it today, with what the planner saw", () => {
    const read = parseStoredPlan(JSON.parse(JSON.stringify(storedToday)))
    expect(read.shipments).toEqual([
      expect.objectContaining({ location_id: "newark", lines: [{ line_id: "line_mug", inventory_item_id: "mug", quantity: 2 }] }),
    ])
    expect(read.moved_lines).toEqual(["line_mug"])
    expect(read.excluded_location_ids).toEqual(["reno"])
    expect(read.input?.candidates.map((c) => c.id)).toEqual(["newark"])
    expect(read.input?.lines).toEqual(seen.lines)
  })

  it("reads a decision made before plans kept their input, exclusions and moves: those are empty", () => {
    const read = parseStoredPlan({ shipments: plan.shipments, unallocated: [] })
    expect(read).toEqual({
      shipments: plan.shipments,
      unallocated: [],
      moved_lines: [],
      excluded_location_ids: [],
      input: null,
    })
  })

  it("reads nothing stored as an empty plan, as the readers did with `plan ?? {}`", () => {
    expect(parseStoredPlan(null)).toEqual({ shipments: [], unallocated: [], moved_lines: [], excluded_location_ids: [], input: null })
    expect(parseStoredPlan(undefined).input).toBeNull()
  })

  it("keeps fields it does not know, so a reader that writes the plan back loses nothing", () => {
    const read = parseStoredPlan({ ...storedToday, status: "routed", written_by: "a later version" }) as Record<string, unknown>
    expect(read.written_by).toBe("a later version")
    expect(read.status).toBe("routed")
  })

  it("names the decision and the first wrong field of a malformed plan", () => {
    const bad = { shipments: [{ location_id: 7, lines: [] }] }
    expect(() => parseStoredPlan(bad, "ordec_1")).toThrow(StoredJsonError)
    expect(() => parseStoredPlan(bad, "ordec_1")).toThrow(
      /^Stored oms_routing_decision\.plan of ordec_1 is malformed at shipments\.0\.location_id: /
    )
    expect(() => parseStoredPlan("routed")).toThrow(/oms_routing_decision\.plan is malformed/)
    expect(() => parseStoredPlan({ ...storedToday, input: { lines: "none" } })).toThrow(/at input\.lines/)
  })
})

describe("parseStoredShipments", () => {
  it("reads the shipments picking needs, and none when the plan has none", () => {
    expect(parseStoredShipments(JSON.parse(JSON.stringify(plan.shipments)))).toEqual(plan.shipments)
    expect(parseStoredShipments(null)).toEqual([])
    expect(() => parseStoredShipments([{ location_id: "newark", lines: [{ line_id: "x" }] }], "ordec_2")).toThrow(
      /ordec_2 is malformed at 0\.lines\.0\.inventory_item_id/
    )
  })
})

describe("decision history and trace", () => {
  const entry = { at: "2026-11-30T10:00:00.000Z", action: "routed", actor: "system", summary: "Ships from Newark." }

  it("reads entries oldest first; nothing stored is no entries", () => {
    expect(parseDecisionHistory({ entries: [entry] })).toEqual({ entries: [entry] })
    expect(parseDecisionHistory(null)).toEqual({ entries: [] })
    expect(parseDecisionHistory({})).toEqual({ entries: [] })
  })

  it("reads an entry without an actor as the system's", () => {
    const { actor: _actor, ...old } = entry
    expect(parseDecisionHistory({ entries: [old] }).entries[0].actor).toBe("system")
  })

  it("appends without changing the stored value", () => {
    const stored = { entries: [entry] }
    const next = withDecisionEntry(stored, { ...entry, action: "canceled" })
    expect(next.entries.map((e) => e.action)).toEqual(["routed", "canceled"])
    expect(stored.entries).toHaveLength(1)
  })

  it("refuses a history whose entries are not entries", () => {
    expect(() => parseDecisionHistory({ entries: ["routed"] }, "ordec_3")).toThrow(
      "Stored oms_routing_decision.history of ordec_3 is malformed at entries.0: "
    )
  })

  it("reads the planner's trace as it was stored", () => {
    const stored = JSON.parse(JSON.stringify(plan.trace))
    expect(parseStoredTrace(stored)).toEqual(plan.trace)
    expect(() => parseStoredTrace({ steps: [] })).toThrow(/trace is malformed at method/)
  })

  it("reads how the address was placed; a trace stored before placements were kept reads as unknown", () => {
    const placed = { ...JSON.parse(JSON.stringify(plan.trace)), placement: { by: "city", unmatched: ["postal_code"] } }
    expect(parseStoredTrace(placed).placement).toEqual({ by: "city", unmatched: ["postal_code"] })
    const { placement: _placement, ...older } = JSON.parse(JSON.stringify(plan.trace))
    expect(parseStoredTrace(older).placement).toBeNull()
    expect(() => parseStoredTrace({ ...older, placement: { by: "guess" } }, "ordec_4")).toThrow(/ordec_4 is malformed at placement\.by/)
  })
})

describe("rule sets", () => {
  it("reads a version's history; versions made before it was kept have none", () => {
    const entry = { at: "2026-11-30T10:00:00.000Z", actor: "user_1", action: "created", summary: "Created" }
    expect(parseRuleSetHistory({ entries: [entry] })).toEqual({ entries: [entry] })
    expect(parseRuleSetHistory(null)).toEqual({ entries: [] })
    expect(parseRuleSetHistory({ entries: [{ ...entry, actor: undefined }] }).entries[0].actor).toBeNull()
  })

  it("reads a definition with the API's own schema, naming the wrong field", () => {
    expect(parseRuleSetDefinition(defaultRuleSet())).toEqual(defaultRuleSet())
    expect(() => parseRuleSetDefinition({ ...defaultRuleSet(), partial: "sometimes" }, "orset_1")).toThrow(
      /^Stored oms_rule_set\.definition of orset_1 is malformed at partial: /
    )
  })
})

describe("simulations and shadow results", () => {
  const side = { locations: ["newark"], shipments: 1, km: 316, unallocated_units: 0 }
  const row = { decision_id: "ordec_1", order_id: "order_1", live_rule_set: "default", live: side, draft: side, changed: false }

  it("reads both window kinds and refuses neither", () => {
    expect(parseSimulationWindow({ last: 50 })).toEqual({ last: 50 })
    expect(parseSimulationWindow({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-11-01", to: "2026-11-30" })
    expect(() => parseSimulationWindow({ first: 3 }, "osim_1")).toThrow(/oms_simulation\.window of osim_1 is malformed/)
  })

  it("reads progress, with nothing stored as nothing done", () => {
    expect(parseSimulationProgress({ done: 100, total: 250, skipped: 3 })).toEqual({ done: 100, total: 250, skipped: 3 })
    expect(parseSimulationProgress(null)).toEqual({ done: 0, total: null, skipped: 0 })
    expect(parseSimulationProgress({ done: 0, total: null })).toEqual({ done: 0, total: null, skipped: 0 })
  })

  it("reads rows with and without the day they were decided on", () => {
    const withDay = { ...row, day: "2026-11-30", capacity: { newark: { limit: 10, used: 2 } } }
    expect(parseSimulationRows([row, withDay])).toEqual([row, withDay])
    expect(parseSimulationRows(null)).toEqual([])
    expect(() => parseSimulationRows([{ ...row, live: { locations: "newark" } }], "osim_2")).toThrow(/at 0\.live\.locations/)
  })

  it("reads totals as summarise writes them; totals of older runs lack skipped and breaches", () => {
    const totals = { ...summarise([row]), skipped: 2 }
    expect(parseSimulationTotals(JSON.parse(JSON.stringify(totals)))).toEqual(totals)
    expect(parseSimulationTotals(null)).toBeNull()
    const { skipped: _skipped, ...old } = totals
    const { capacity_breaches: _breaches, ...liveWithout } = old.live
    const read = parseSimulationTotals({ ...old, live: liveWithout })
    expect(read?.skipped).toBe(0)
    expect(read?.live.capacity_breaches).toBe(0)
  })

  it("reads a shadow result's side, naming the column", () => {
    expect(parseReplaySide(side, "shadow")).toEqual(side)
    expect(() => parseReplaySide({ ...side, km: "far" }, "live", "oshad_1")).toThrow(
      /^Stored oms_shadow_result\.live of oshad_1 is malformed at km: /
    )
  })
})

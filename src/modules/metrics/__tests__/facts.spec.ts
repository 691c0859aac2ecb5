import { METRIC_KEYS } from "../../../lib/metrics/types"
import { aggregateStatement, binder } from "../../../lib/metrics/sql"
import {
  builderFor,
  changedOrdersStatement,
  factsVersion,
  insertFactsStatement,
  METRIC_BUILDERS,
  readsStoredFacts,
  STORED_KEYS,
  storedFactsBuilder,
} from "../queries/facts"

const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length
const window = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z"), timezone: "Europe/Berlin" }

describe("the dashboard's facts table statements", () => {
  it("keeps every metric that belongs to an order, and computes the others live", () => {
    expect(STORED_KEYS).toHaveLength(METRIC_KEYS.length - 1)
    expect(readsStoredFacts("wrong_scans_per_100_lines", {})).toBe(false)
    expect(readsStoredFacts("placed_to_shipped", { carrier: "ups", location_id: "sloc_1" })).toBe(true)
    // An order's stored label cost sums every carrier's labels: a carrier filter must narrow inside.
    expect(readsStoredFacts("label_cost_per_order", { carrier: "ups" })).toBe(false)
    expect(readsStoredFacts("label_cost_per_order", { location_id: "sloc_1" })).toBe(true)
    expect(builderFor("placed_to_routed", {}, true)).toBe(METRIC_BUILDERS.placed_to_routed)
  })

  it("computes a changed order's rows with its builder narrowed to those orders, binding every value once", () => {
    for (const key of STORED_KEYS) {
      const scoped = insertFactsStatement(key, ["order_1", "order_2"])
      expect([key, placeholders(scoped.sql)]).toEqual([key, scoped.params.length])
      // Every root of the builder is narrowed to the two orders (one JSON parameter per root).
      expect(scoped.params.filter((p) => p === JSON.stringify(["order_1", "order_2"])).length).toBeGreaterThanOrEqual(1)
      expect(scoped.sql).toMatch(/^INSERT INTO oms_metric_fact \(metric, dim, key/)
      const all = insertFactsStatement(key)
      expect(all.params).not.toContain(JSON.stringify(["order_1", "order_2"]))
      expect(all.sql).not.toContain("jsonb_array_elements_text")
    }
  })

  it("asks every module's tables, soft-deleted rows included, for the orders changed since the watermark", () => {
    const since = new Date("2026-12-01T06:00:00Z")
    const s = changedOrdersStatement(since)
    expect(placeholders(s.sql)).toBe(s.params.length)
    expect(new Set(s.params)).toEqual(new Set([since.toISOString()]))
    for (const table of ["oms_routing_decision", '"order"', "oms_wave_line", "oms_wave", "oms_pack", "fulfillment", "oms_label", "oms_tracking_event", "oms_return_case", "oms_return_line"]) {
      expect(s.sql).toContain(`FROM ${table} `)
    }
    expect(s.sql).not.toMatch(/deleted_at IS NULL/)
  })

  it("reads the table in the columns the aggregate expects, keeping the live builder's dims and stock rows", () => {
    for (const key of STORED_KEYS) {
      const live = METRIC_BUILDERS[key](binder().bind, window, {})
      const stored = storedFactsBuilder(key)(binder().bind, window, {})
      expect([key, !!stored.dims, !!stored.extra]).toEqual([key, !!live.dims, !!live.extra])
      expect(stored.facts).toContain(`FROM oms_metric_fact WHERE metric = '${key}' AND dim IS NULL`)
      const input = { key, timezone: window.timezone, bucket: "day" as const, current_start: window.start, window, filters: { location_id: "sloc_1" } }
      const statement = aggregateStatement(storedFactsBuilder(key), input)
      expect([key, placeholders(statement.sql)]).toEqual([key, statement.params.length])
    }
    // Stock on hand is the present, not history: still read from the inventory levels.
    expect(storedFactsBuilder("stock_cover_days")(binder().bind, window, {}).extra!(binder().bind)).toContain("FROM inventory_level")
  })

  it("fingerprints the definitions, the same on every call", () => {
    expect(factsVersion()).toMatch(/^[0-9a-f]{16}$/)
    expect(factsVersion()).toBe(factsVersion())
  })
})

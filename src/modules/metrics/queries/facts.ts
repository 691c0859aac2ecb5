import { createHash } from "crypto"
import { DEFINITIONS } from "../../../lib/metrics/definitions"
import { binder, type Bind, type FactsWindow, type MetricSql, type MetricSqlBuilder, type MetricSqlFilters, type Statement } from "../../../lib/metrics/sql"
import { METRIC_KEYS, type MetricKey } from "../../../lib/metrics/types"
import { PICKING_CHANGED_ORDERS, PICKING_METRIC_SQL } from "../../picking/queries/metrics"
import { RETURNS_CHANGED_ORDERS, RETURNS_METRIC_SQL } from "../../returns/queries/metrics"
import { ROUTING_CHANGED_ORDERS, ROUTING_METRIC_SQL } from "../../routing/queries/metrics"
import { SHIPPING_CHANGED_ORDERS, SHIPPING_METRIC_SQL } from "../../shipping/queries/metrics"

/**
 * The facts table's SQL: what it stores (every metric's facts and dims as the owning module's
 * builder computes them, over an order's whole history), how a changed order's rows are
 * computed again, which orders changed, and the read that replaces a builder's CTEs with the
 * table. The definitions stay in the owning modules (their queries/metrics.ts); this file only
 * moves their rows.
 */

/** Every metric's builder, from the module that owns its tables. */
export const METRIC_BUILDERS = {
  ...ROUTING_METRIC_SQL,
  ...PICKING_METRIC_SQL,
  ...SHIPPING_METRIC_SQL,
  ...RETURNS_METRIC_SQL,
} as Record<MetricKey, MetricSqlBuilder>

/**
 * The metrics kept in the table: every one whose facts belong to an order. Wrong scans are a
 * wave's (no order; one small index range over oms_wave) and stay live.
 */
export const STORED_KEYS: MetricKey[] = METRIC_KEYS.filter((key) => key !== "wrong_scans_per_100_lines")

/**
 * Whether a request reads `key` from the table. Label cost narrows its labels by carrier inside
 * the builder (another carrier's label is not this carrier's cost), which an order's stored sum
 * cannot undo: with a carrier filter it runs live. (Its location filter reads the per-location
 * dims, the same numbers.)
 */
export function readsStoredFacts(key: MetricKey, filters: MetricSqlFilters): boolean {
  if (!STORED_KEYS.includes(key)) return false
  if (key === "label_cost_per_order" && filters.carrier) return false
  return true
}

/** All of time, for the builders: a stored order keeps every fact it has. */
const ALL_TIME = { start: new Date("1970-01-01T00:00:00Z"), end: new Date("9999-01-01T00:00:00Z") }

const COLUMNS = `metric, dim, key, label, order_id, at, sales_channel_id, location_ids, carriers, value, den, units`

/** The metric's name as an SQL literal (keys are fixed identifiers; checked anyway). */
function literal(key: MetricKey): string {
  if (!/^[a-z0-9_]+$/.test(key)) throw new Error(`Unexpected metric key ${key}`)
  return `'${key}'`
}

/**
 * INSERT of `key`'s facts and dims for the orders in `orderIds` (every order when absent), as
 * its builder computes them without filters. Rows without an order are left out (none of the
 * stored metrics has them: a label is bought for an order's fulfillment).
 */
export function insertFactsStatement(key: MetricKey, orderIds?: string[]): Statement {
  const { bind, params } = binder()
  const window: FactsWindow = { ...ALL_TIME, timezone: "UTC", ...(orderIds ? { order_ids: orderIds } : {}) }
  const sql = METRIC_BUILDERS[key](bind, window, {})
  const ctes = [...(sql.with ? [sql.with] : []), `facts AS (${sql.facts})`, ...(sql.dims ? [`dims AS (${sql.dims})`] : [])]
  const parts = [
    `SELECT ${literal(key)}, NULL, NULL, NULL, order_id, at, sales_channel_id, location_ids, carriers, value, den, NULL
       FROM facts WHERE order_id IS NOT NULL AND at IS NOT NULL`,
  ]
  if (sql.dims) {
    parts.push(
      `SELECT ${literal(key)}, dim, key, label, order_id, at, sales_channel_id, location_ids, carriers, value, den, units
         FROM dims WHERE order_id IS NOT NULL AND at IS NOT NULL`
    )
  }
  return {
    sql: `INSERT INTO oms_metric_fact (${COLUMNS})\nWITH ${ctes.join(",\n")}\n${parts.join("\nUNION ALL\n")}`,
    params,
  }
}

/**
 * The orders any owning module saw change since `since` (one statement). Changes are found by
 * updated_at, which every ORM write stamps (soft deletes too), so nothing has to remember to
 * tell the dashboard.
 */
export function changedOrdersStatement(since: Date): Statement {
  const { bind, params } = binder()
  const at = () => `${bind(since)}::timestamptz`
  const sources = [ROUTING_CHANGED_ORDERS, PICKING_CHANGED_ORDERS, SHIPPING_CHANGED_ORDERS, RETURNS_CHANGED_ORDERS]
  const union = sources.map((source) => source(at)).join("\n  UNION ALL\n")
  return { sql: `SELECT DISTINCT order_id FROM (${union}\n) changed WHERE order_id IS NOT NULL`, params }
}

/**
 * A builder that reads `key`'s rows from the table instead of computing them: the same facts and
 * dims columns, so aggregateStatement and ordersStatement work on it unchanged. Extra rows (stock
 * on hand now) still come from the owning module's builder: they are the present, not history.
 */
export function storedFactsBuilder(key: MetricKey): MetricSqlBuilder {
  const live = METRIC_BUILDERS[key]
  return (bind: Bind, w: FactsWindow, filters: MetricSqlFilters): MetricSql => {
    // The live builder is asked only whether it has dims and extra rows; its text is not used.
    const shape = live(binder().bind, w, filters)
    const range = () => `at >= ${bind(w.start)} AND at < ${bind(w.end)}`
    const metric = literal(key)
    return {
      facts: `SELECT order_id, at, sales_channel_id, location_ids, carriers, value, den
                FROM oms_metric_fact WHERE metric = ${metric} AND dim IS NULL AND ${range()}`,
      ...(shape.dims
        ? {
            dims: `SELECT dim, key, label, order_id, at, sales_channel_id, location_ids, carriers, value, den, units
                     FROM oms_metric_fact WHERE metric = ${metric} AND dim IS NOT NULL AND ${range()}`,
          }
        : {}),
      ...(shape.extra ? { extra: shape.extra } : {}),
    }
  }
}

/** The builder a request uses for `key`: the table's, or the owning module's live one (always when `live`). */
export function builderFor(key: MetricKey, filters: MetricSqlFilters, live = false): MetricSqlBuilder {
  return !live && readsStoredFacts(key, filters) ? storedFactsBuilder(key) : METRIC_BUILDERS[key]
}

/**
 * The definitions' fingerprint: every stored builder's SQL text (for a fixed window and two
 * orders). A plugin version whose definitions differ finds another fingerprint in the state row
 * and builds the table again.
 */
export function factsVersion(): string {
  const hash = createHash("sha256")
  for (const key of STORED_KEYS) {
    hash.update(key)
    hash.update(insertFactsStatement(key, ["a", "b"]).sql)
    hash.update(String(DEFINITIONS[key].kind))
  }
  return hash.digest("hex").slice(0, 16)
}

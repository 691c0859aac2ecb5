import { DEFINITIONS, MetricFilterKey } from "./definitions"
import type { MetricBucket, MetricKey } from "./types"

/**
 * The shape every metric's SQL shares, as text (no I/O here: the modules that own the tables
 * write the facts and run the statements through their own manager).
 *
 * A module writes a metric as FACTS, one row per thing measured (an order, a wave, a parcel, an
 * order line), with these columns:
 *   order_id text (null when the thing is not an order's, e.g. a wave), at timestamptz (the
 *   instant that puts the fact in a range and a bucket), sales_channel_id text, location_ids
 *   text[], carriers text[], value float (hours for a duration, the numerator for a ratio),
 *   den float (the denominator; 1 for a duration).
 * and optionally DIMS: the same columns plus dim text ('location', 'carrier', 'reason',
 * 'product'), key text, label text and units float, one row per thing and dimension key.
 * The statement below filters both, cuts them into the current (and previous) period and the
 * buckets, and aggregates: one statement per metric, whatever the number of orders.
 */
export type Bind = (value: unknown) => string

export type FactsWindow = {
  /** First instant any fact may have (the previous period's start when comparing). */
  start: Date
  /** First instant after the range. */
  end: Date
  timezone: string
  /**
   * Only these orders' facts: the facts table's refresh (src/modules/metrics) asks each builder
   * for the facts of the orders that changed. Every order when absent (the live statement).
   */
  order_ids?: string[]
}

/**
 * ` AND <column> = ANY(the window's orders)`, or nothing when the window has no order list.
 * The ids travel as one JSON text parameter: knex (MikroORM's execute) would spread an array
 * binding into a list of placeholders.
 */
export function inScope(bind: Bind, w: FactsWindow, column: string): string {
  if (!w.order_ids) return ""
  return ` AND ${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(CAST(${bind(JSON.stringify(w.order_ids))} AS jsonb))))`
}

export type MetricSqlFilters = { location_id?: string; sales_channel_id?: string; carrier?: string }

/**
 * What a module writes for one metric. `with` holds its own CTEs (named after the module, so
 * they never meet `facts` and `dims`); `extra` is called last, binding its values after
 * everything else (the order of the `?` in the text), and returns rows of MetricRow's columns.
 * Values are bound in the order the builder evaluates its strings, so it writes the object's
 * properties in text order: with, facts, dims. The builder gets the filters too, to narrow inside (a label of another carrier must not count
 * in an order's cost); the statement filters the facts' columns again.
 */
export type MetricSql = { with?: string; facts: string; dims?: string; extra?: (bind: Bind) => string }
export type MetricSqlBuilder = (bind: Bind, window: FactsWindow, filters: MetricSqlFilters) => MetricSql

export type AggregateInput = {
  key: MetricKey
  timezone: string
  bucket: MetricBucket
  /** Start of the current period; facts before it (down to window.start) are the previous period. */
  current_start: Date
  window: FactsWindow
  filters: MetricSqlFilters
}

export type Statement = { sql: string; params: unknown[] }

/** One aggregate row: period 'current' | 'previous' | 'now'; dim 'total' | 'bucket' | a DIMS dim | 'stock'. */
export type MetricRow = {
  period: string
  dim: string
  key: string | null
  label: string | null
  n: number
  num: number | null
  den: number | null
  units: number | null
  p50: number | null
  p90: number | null
}

export function binder(): { bind: Bind; params: unknown[] } {
  const params: unknown[] = []
  return {
    params,
    bind: (value) => {
      params.push(value instanceof Date ? value.toISOString() : value)
      return "?"
    },
  }
}

/** The WHERE conditions of the filters this metric takes (see DEFINITIONS[key].filters). */
function filterSql(key: MetricKey, alias: string, filters: MetricSqlFilters, bind: Bind): string {
  const takes = new Set<MetricFilterKey>(DEFINITIONS[key].filters)
  const parts: string[] = []
  if (filters.location_id && takes.has("location_id")) parts.push(`${bind(filters.location_id)} = ANY(${alias}.location_ids)`)
  if (filters.sales_channel_id && takes.has("sales_channel_id")) parts.push(`${alias}.sales_channel_id = ${bind(filters.sales_channel_id)}`)
  if (filters.carrier && takes.has("carrier")) parts.push(`${bind(filters.carrier)} = ANY(${alias}.carriers)`)
  return parts.map((p) => ` AND ${p}`).join("")
}

/**
 * With a location filter, a metric measured per location takes its numbers from its per-location
 * rows: an order shipped from Newark and Reno counts at Reno with its Reno parcel's time, not
 * with the order's last parcel (the same value the table per location shows).
 */
function sourceOf(key: MetricKey, sql: MetricSql, filters: MetricSqlFilters): string {
  const byLocation = !!filters.location_id && DEFINITIONS[key].filters.includes("location_id") && !!sql.dims
  return byLocation ? `(SELECT * FROM dims WHERE dim = 'location')` : "facts"
}

const percentiles = (key: MetricKey) =>
  DEFINITIONS[key].kind === "duration"
    ? `percentile_cont(0.5) WITHIN GROUP (ORDER BY value)::float AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY value)::float AS p90`
    : `NULL::float AS p50, NULL::float AS p90`

/**
 * The metric's one statement: the total and each bucket of both periods (GROUPING SETS over
 * the facts), every DIMS row per period and key, and the builder's extra rows (stock on hand).
 */
export function aggregateStatement(builder: MetricSqlBuilder, input: AggregateInput): Statement {
  const { bind, params } = binder()
  const sql = builder(bind, input.window, input.filters)
  const ctes = [...(sql.with ? [sql.with] : []), `facts AS (${sql.facts})`]
  if (sql.dims) ctes.push(`dims AS (${sql.dims})`)
  const period = () => `CASE WHEN f.at >= ${bind(input.current_start)} THEN 'current' ELSE 'previous' END`
  const inWindow = (alias: string) => `${alias}.at >= ${bind(input.window.start)} AND ${alias}.at < ${bind(input.window.end)}`

  const source = sourceOf(input.key, sql, input.filters)
  const factsPeriod = period()
  // Grouped by the bucket's instant, named once per group (to_char per fact costs more than the sums).
  const factsBucket = `date_trunc(${bind(input.bucket)}, f.at AT TIME ZONE ${bind(input.timezone)})`
  const factsWhere = inWindow("f") + filterSql(input.key, "f", input.filters, bind)
  const parts = [
    `SELECT period, CASE WHEN GROUPING(bucket) = 1 THEN 'total' ELSE 'bucket' END AS dim, to_char(bucket, 'YYYY-MM-DD') AS key, NULL::text AS label,
            COUNT(*)::int AS n, SUM(value)::float AS num, SUM(den)::float AS den, NULL::float AS units, ${percentiles(input.key)}
       FROM (SELECT f.value, f.den, ${factsPeriod} AS period, ${factsBucket} AS bucket FROM ${source} f WHERE ${factsWhere}) x
      GROUP BY GROUPING SETS ((period), (period, bucket))`,
  ]
  if (sql.dims) {
    const dimsPeriod = period()
    const dimsWhere = inWindow("f") + filterSql(input.key, "f", input.filters, bind)
    parts.push(
      `SELECT period, dim, key, MAX(label) AS label, COUNT(*)::int AS n, SUM(value)::float AS num, SUM(den)::float AS den,
              SUM(units)::float AS units, ${percentiles(input.key)}
         FROM (SELECT f.dim, f.key, f.label, f.value, f.den, f.units, ${dimsPeriod} AS period FROM dims f WHERE ${dimsWhere}) y
        GROUP BY period, dim, key`
    )
  }
  if (sql.extra) parts.push(sql.extra(bind))
  return { sql: `WITH ${ctes.join(", ")}\n${parts.join("\nUNION ALL\n")}`, params }
}

export type OrdersInput = {
  key: MetricKey
  timezone: string
  bucket: MetricBucket
  window: FactsWindow
  filters: MetricSqlFilters
  /** Only the facts of this bucket (its first day, as the series names it). */
  bucket_start?: string
  limit: number
  offset: number
}

/** One row per order of the drill-down, with the page's total in `total`. */
export type MetricOrderSqlRow = {
  order_id: string
  display_id: number | string
  placed_at: Date | string
  email: string | null
  locations: string | null
  num: number | null
  den: number | null
  top: number | null
  total: number | string
}

/**
 * The orders behind a metric's number: its facts in the range grouped per order (an order's
 * contribution: its hours, or its numerator over its denominator), joined to Medusa's order
 * for the number and e-mail, largest contribution first, one page. One statement.
 */
export function ordersStatement(builder: MetricSqlBuilder, input: OrdersInput): Statement {
  const { bind, params } = binder()
  const sql = builder(bind, input.window, input.filters)
  const where = [
    `f.order_id IS NOT NULL`,
    `f.at >= ${bind(input.window.start)} AND f.at < ${bind(input.window.end)}`,
  ]
  if (input.bucket_start) {
    where.push(
      `to_char(date_trunc(${bind(input.bucket)}, f.at AT TIME ZONE ${bind(input.timezone)}), 'YYYY-MM-DD') = ${bind(input.bucket_start)}`
    )
  }
  const filters = filterSql(input.key, "f", input.filters, bind)
  const duration = DEFINITIONS[input.key].kind === "duration"
  const scale = DEFINITIONS[input.key].scale
  const orderValue = duration ? `g.top` : `CASE WHEN g.den > 0 THEN g.num / g.den * ${scale} END`
  // dims is unused here but its values are bound: the CTE stays in the text (never run).
  const ctes = [...(sql.with ? [sql.with] : []), `facts AS (${sql.facts})`, ...(sql.dims ? [`dims AS (${sql.dims})`] : [])]
  const statement = `WITH ${ctes.join(", ")}
SELECT g.order_id, o.display_id, o.created_at AS placed_at, o.email, g.locations, g.num, g.den, g.top, COUNT(*) OVER () AS total
  FROM (SELECT f.order_id, SUM(f.value)::float AS num, SUM(f.den)::float AS den, MAX(f.value)::float AS top,
               string_agg(array_to_string(f.location_ids, ','), ',') AS locations
          FROM ${sourceOf(input.key, sql, input.filters)} f
         WHERE ${where.join(" AND ")}${filters}
         GROUP BY f.order_id) g
  JOIN "order" o ON o.id = g.order_id
 ORDER BY ${orderValue} DESC NULLS LAST, o.created_at ASC, g.order_id
 LIMIT ${bind(input.limit)} OFFSET ${bind(input.offset)}`
  return { sql: statement, params }
}

/** The manager a module service runs raw SQL through (MikroORM's, as return-stats uses it). */
export type SqlExecutor = { execute: (sql: string, params: unknown[]) => Promise<any[]> }

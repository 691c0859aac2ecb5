/**
 * The operations dashboard's API contracts (types only; the admin imports this file with
 * `import type`). Shapes come from src/lib/metrics/types.ts.
 *
 *   GET /admin/oms/metrics?from&to[&location_id][&sales_channel_id][&carrier][&bucket][&compare]
 *   GET /admin/oms/metrics/:key/orders?...same filters...[&bucket_start][&location_id][&limit][&offset]
 *   GET /admin/oms/metrics/export.csv?...same filters...   (text/csv: one row per metric per bucket)
 */
import type {
  MetricBucket,
  MetricDefinition,
  MetricFilters,
  MetricKey,
  MetricUnit,
  MetricValue,
} from "../../lib/metrics/types"

export type { MetricBucket, MetricDefinition, MetricFilters, MetricKey, MetricUnit, MetricValue }

/** One point of a chart: the bucket's first day (YYYY-MM-DD, store time zone) and its value. */
export type MetricPoint = MetricValue & { bucket: string }

/** One metric over the range, the previous range of the same length, and over time. */
export type MetricReport = {
  key: MetricKey
  unit: MetricUnit
  current: MetricValue
  /** The same metric over the previous period of equal length; present when compare=true. */
  previous?: MetricValue
  series: MetricPoint[]
}

/** One stock location's row of the table per location. Null where nothing was measured. */
export type LocationMetricsRow = {
  location_id: string
  name: string
  values: Partial<Record<MetricKey, MetricValue>>
}

export type CarrierMetricsRow = {
  carrier: string
  labels: number
  total_cost: number
  currency_code: string | null
  cost_per_order: number | null
  on_time: MetricValue
}

export type ReturnsBreakdownRow = { key: string; label: string; units: number; rate: number | null }

/** GET /admin/oms/metrics */
export type PerformanceReportResponse = {
  filters: MetricFilters & { compare: boolean }
  /** The previous period (same length, just before) when compare=true. */
  previous_range?: { from: string; to: string }
  definitions: MetricDefinition[]
  metrics: Record<MetricKey, MetricReport>
  by_location: LocationMetricsRow[]
  by_carrier: CarrierMetricsRow[]
  returns: {
    by_reason: ReturnsBreakdownRow[]
    by_product: ReturnsBreakdownRow[]
    by_location: ReturnsBreakdownRow[]
  }
  /**
   * SQL statements the report ran: the facts table's refresh (`facts.statements`), then one per
   * metric and one for the locations' names, whatever the number of orders.
   */
  statements: number
  /**
   * The facts table's refresh before the numbers were read: 'refreshed' (the orders changed
   * since the last one), 'rebuilt' (every order: first run or new definitions) or 'busy' (another
   * refresh was running: the numbers are at most its changes behind); `live` when the table was
   * not built yet and the numbers were computed from the modules' tables.
   */
  facts: { outcome: "refreshed" | "rebuilt" | "busy"; orders: number; statements: number; live: boolean }
  generated_at: string
}

/** One order behind a number (the drill-down). `value` is that order's contribution, in the metric's unit. */
export type MetricOrderRow = {
  order_id: string
  display_id: number
  placed_at: string
  location_ids: string[]
  value: number | null
  email: string | null
}

/** GET /admin/oms/metrics/:key/orders */
export type MetricOrdersResponse = {
  key: MetricKey
  orders: MetricOrderRow[]
  count: number
  limit: number
  offset: number
}

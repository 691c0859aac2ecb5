import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DEFINITIONS, isMetricKey, metricDefinitions } from "../../../../lib/metrics/definitions"
import { roundMetric } from "../../../../lib/metrics/percentile"
import { addDays, localDay, metricPeriods, MetricPeriods } from "../../../../lib/metrics/range"
import { assembleMetric, MetricResult } from "../../../../lib/metrics/report"
import type { FactsWindow, MetricRow, MetricSqlFilters } from "../../../../lib/metrics/sql"
import { METRIC_KEYS, MetricBucket, MetricKey } from "../../../../lib/metrics/types"
import { METRICS_MODULE, MetricsModuleService } from "../../../../modules/metrics"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"
import type {
  CarrierMetricsRow,
  LocationMetricsRow,
  MetricOrderRow,
  MetricReport,
  PerformanceReportResponse,
  ReturnsBreakdownRow,
} from "../../../../types/metrics"
import type { AdminMetricsQueryType } from "./validators"

const DEFAULT_DAYS = 30

/** The request's filters with the defaults filled in: the 30 days ending today (store time zone). */
export function resolveFilters(scope: MedusaContainer, query: AdminMetricsQueryType, now = new Date()) {
  const { timezone } = scope.resolve<RoutingModuleService>(ROUTING_MODULE).getOmsOptions()
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_DAYS - 1) : localDay(now, timezone))
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1))
  const periods = metricPeriods(from, to, timezone)
  const sqlFilters: MetricSqlFilters = {
    location_id: query.location_id,
    sales_channel_id: query.sales_channel_id,
    carrier: query.carrier,
  }
  const window: FactsWindow = { start: query.compare ? periods.previous.start : periods.current.start, end: periods.current.end, timezone }
  return { from, to, timezone, periods, sqlFilters, window, bucket: query.bucket as MetricBucket, compare: query.compare }
}

export type ResolvedFilters = ReturnType<typeof resolveFilters>

/**
 * The facts table brought up to date (the orders that changed since the last refresh), then
 * every metric's one statement (in parallel: PostgreSQL may use both cores), then the stock
 * locations' names; `statements` counts the statements as they run (a few for the refresh, one
 * per metric, one for the names: the same whatever the order count).
 */
export async function buildReport(scope: MedusaContainer, f: ResolvedFilters): Promise<PerformanceReportResponse> {
  const metrics_ = scope.resolve<MetricsModuleService>(METRICS_MODULE)
  const refresh = await metrics_.refreshFacts()
  let statements = refresh.statements
  const results = await Promise.all(
    METRIC_KEYS.map(async (key) => {
      statements += 1
      const rows = await metrics_.metricRows({
        live: !refresh.stored,
        key,
        timezone: f.timezone,
        bucket: f.bucket,
        current_start: f.periods.current.start,
        window: f.window,
        filters: f.sqlFilters,
      })
      return [key, assembleMetric(key, rows, f.periods, f.bucket)] as const
    })
  )
  const byKey = Object.fromEntries(results) as Record<MetricKey, MetricResult>
  statements += 1
  const names = await locationNames(scope)

  const metrics = Object.fromEntries(
    METRIC_KEYS.map((key) => {
      const r = byKey[key]
      const report: MetricReport = { key, unit: DEFINITIONS[key].unit, current: r.current, series: r.series }
      if (f.compare) report.previous = r.previous
      return [key, report]
    })
  ) as Record<MetricKey, MetricReport>

  return {
    filters: {
      from: f.from,
      to: f.to,
      timezone: f.timezone,
      bucket: f.bucket,
      compare: f.compare,
      ...(f.sqlFilters.location_id ? { location_id: f.sqlFilters.location_id } : {}),
      ...(f.sqlFilters.sales_channel_id ? { sales_channel_id: f.sqlFilters.sales_channel_id } : {}),
      ...(f.sqlFilters.carrier ? { carrier: f.sqlFilters.carrier } : {}),
    },
    ...(f.compare ? { previous_range: { from: f.periods.previous.from, to: f.periods.previous.to } } : {}),
    definitions: metricDefinitions(),
    metrics,
    by_location: byLocation(byKey, names, f.sqlFilters.location_id),
    by_carrier: byCarrier(byKey),
    returns: returnsBreakdown(byKey.return_rate, names),
    statements,
    facts: { outcome: refresh.outcome, orders: refresh.orders, statements: refresh.statements, live: !refresh.stored },
    generated_at: new Date().toISOString(),
  }
}

async function locationNames(scope: MedusaContainer): Promise<Map<string, string>> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "stock_location", fields: ["id", "name"] })
  return new Map((data as { id: string; name: string }[]).map((l) => [l.id, l.name]))
}

/** Every stock location (only the filtered one with a location filter), with each metric it has a value for. */
function byLocation(byKey: Record<MetricKey, MetricResult>, names: Map<string, string>, only?: string): LocationMetricsRow[] {
  const ids = new Set<string>(only ? [only] : names.keys())
  for (const key of METRIC_KEYS) for (const id of Object.keys(byKey[key].dims.location ?? {})) if (!only || id === only) ids.add(id)
  return [...ids]
    .map((id) => {
      const values: LocationMetricsRow["values"] = {}
      for (const key of METRIC_KEYS) {
        const at = byKey[key].dims.location?.[id]
        if (at) values[key] = at.value
      }
      return { location_id: id, name: names.get(id) ?? id, values }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Label cost and on-time delivery per carrier (the label cost's dims give labels, money and currency). */
function byCarrier(byKey: Record<MetricKey, MetricResult>): CarrierMetricsRow[] {
  const cost = byKey.label_cost_per_order.dims.carrier ?? {}
  const onTime = byKey.on_time_delivery.dims.carrier ?? {}
  const carriers = new Set([...Object.keys(cost), ...Object.keys(onTime)])
  return [...carriers].sort().map((carrier) => {
    const c = cost[carrier]
    return {
      carrier,
      labels: Number(c?.row.units ?? 0),
      total_cost: roundMetric(Number(c?.row.num ?? 0)) ?? 0,
      currency_code: c?.row.label ?? null,
      cost_per_order: c?.value.value ?? null,
      on_time: onTime[carrier]?.value ?? { value: null, count: 0 },
    }
  })
}

/**
 * Returned units by reason (rate: their share of all units fulfilled in the range), by product
 * and by the location that shipped them (rate: returned over that product's or location's
 * fulfilled units), in percent, most returned first.
 */
function returnsBreakdown(result: MetricResult, names: Map<string, string>): PerformanceReportResponse["returns"] {
  const fulfilled = result.current.count
  const rows = (dim: string, label: (key: string, row: MetricRow) => string, rate: (row: MetricRow) => number | null) =>
    Object.entries(result.dims[dim] ?? {})
      .map(([key, { row }]): ReturnsBreakdownRow => ({ key, label: label(key, row), units: Number(row.num ?? 0), rate: rate(row) }))
      .filter((r) => r.units > 0)
      .sort((a, b) => b.units - a.units || a.key.localeCompare(b.key))
  const own = (row: MetricRow) => (Number(row.den) > 0 ? roundMetric((Number(row.num) / Number(row.den)) * 100) : null)
  return {
    by_reason: rows("reason", (key) => key, (row) => (fulfilled > 0 ? roundMetric((Number(row.num) / fulfilled) * 100) : null)),
    by_product: rows("product", (key, row) => row.label ?? key, own),
    by_location: rows("location", (key) => names.get(key) ?? key, own),
  }
}

/** The metric named in the path, or a 404 naming it; a metric without orders behind it is a 400. */
export function drillDownKey(value: string): MetricKey {
  if (!isMetricKey(value)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Metric '${value}' was not found; it must be one of: ${METRIC_KEYS.join(", ")}`)
  }
  if (!DEFINITIONS[value].drill_down) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Metric '${value}' has no orders behind it; drill down into one of: ${METRIC_KEYS.filter((k) => DEFINITIONS[k].drill_down).join(", ")}`
    )
  }
  return value
}

/** One page of the orders behind a metric (the refresh, then one statement). */
export async function metricOrders(
  scope: MedusaContainer,
  key: MetricKey,
  f: ResolvedFilters,
  page: { bucket_start?: string; limit: number; offset: number }
): Promise<{ orders: MetricOrderRow[]; count: number }> {
  const metrics = scope.resolve<MetricsModuleService>(METRICS_MODULE)
  const refresh = await metrics.refreshFacts()
  const rows = await metrics.metricOrders({
    live: !refresh.stored,
    key,
    timezone: f.timezone,
    bucket: f.bucket,
    window: { ...f.window, start: f.periods.current.start },
    filters: f.sqlFilters,
    bucket_start: page.bucket_start,
    limit: page.limit,
    offset: page.offset,
  })
  const spec = DEFINITIONS[key]
  const orders = rows.map((r): MetricOrderRow => {
    const value =
      spec.kind === "duration" ? r.top : Number(r.den) > 0 ? (Number(r.num) / Number(r.den)) * spec.scale : null
    return {
      order_id: r.order_id,
      display_id: Number(r.display_id),
      placed_at: new Date(r.placed_at).toISOString(),
      location_ids: [...new Set((r.locations ?? "").split(",").filter(Boolean))].sort(),
      value: roundMetric(value),
      email: r.email ?? null,
    }
  })
  return { orders, count: rows.length ? Number(rows[0].total) : 0 }
}

export type { MetricPeriods }

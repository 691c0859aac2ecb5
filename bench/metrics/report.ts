/**
 * What the benchmark measures: the dashboard's own functions, called as the route calls them
 * (no copy of their SQL here), over the ranges a head of operations opens.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { METRIC_KEYS } from "../../src/lib/metrics/types"
import { buildReport, resolveFilters } from "../../src/api/admin/oms/metrics/helpers"
import type { AdminMetricsQueryType } from "../../src/api/admin/oms/metrics/validators"
import { METRICS_MODULE, type MetricsModuleService } from "../../src/modules/metrics"
import { aggregateInput, benchRanges, type BenchRange } from "./registries"

export type Runner = { key: string; run: () => Promise<unknown> }
export type { BenchRange }

/** The page's default range (the last 30 days) and the whole year, each compared with the period before. */
export const RANGES = benchRanges

/**
 * One runner per metric: the metrics module's metricRows, the one statement behind the number,
 * reading the facts table, or with `live` computing the facts from the owning modules' tables
 * (what every metric did before the table, and what it does while the table is first built).
 */
export function metricRunners(container: ExecArgs["container"], range: BenchRange, live = false): Runner[] {
  const service = container.resolve<MetricsModuleService>(METRICS_MODULE)
  return METRIC_KEYS.map((key) => ({ key, run: () => service.metricRows({ ...aggregateInput(key, range), live }) }))
}

/** Every metric's live statement at once, as the page sent them before the facts table (no refresh, no names). */
export function livePageRunner(container: ExecArgs["container"], range: BenchRange): Runner {
  const runners = metricRunners(container, range, true)
  return { key: "page", run: () => Promise.all(runners.map((r) => r.run())) }
}

/** The facts table's refresh as the page runs it first. */
export function refreshRunner(container: ExecArgs["container"]): Runner {
  const service = container.resolve<MetricsModuleService>(METRICS_MODULE)
  return { key: "refresh", run: () => service.refreshFacts() }
}

/**
 * What GET /admin/oms/metrics computes, end to end: the route's own resolveFilters and
 * buildReport, with the comparison period on (the page asks for it).
 */
export function pageRunner(container: ExecArgs["container"], range: BenchRange): Runner {
  const query = { from: range.from, to: range.to, bucket: range.bucket, compare: true } as AdminMetricsQueryType
  return { key: "page", run: () => buildReport(container, resolveFilters(container, query)) }
}

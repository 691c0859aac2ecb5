/**
 * What the benchmark measures: the dashboard's own functions, called as the route calls them
 * (no copy of their SQL here), over the ranges a head of operations opens.
 */
import type { Client } from "pg"
import type { ExecArgs } from "@medusajs/framework/types"
import { METRIC_KEYS } from "../../src/lib/metrics/types"
import type { AggregateInput } from "../../src/lib/metrics/sql"
import { buildReport, resolveFilters } from "../../src/api/admin/oms/metrics/helpers"
import type { AdminMetricsQueryType } from "../../src/api/admin/oms/metrics/validators"
import { aggregateInput, benchRanges, registryOf, type BenchRange } from "./registries"

export type Runner = { key: string; run: () => Promise<unknown> }
export type { BenchRange }

/** The page's default range (the last 30 days) and the whole year, each compared with the period before. */
export const RANGES = benchRanges

/** One runner per metric: the owning module's metricRows, the one statement behind the number. */
export function metricRunners(container: ExecArgs["container"], range: BenchRange): Runner[] {
  return METRIC_KEYS.map((key) => {
    const service = container.resolve(registryOf(key)[0]) as { metricRows: (input: AggregateInput) => Promise<unknown[]> }
    return { key, run: () => service.metricRows(aggregateInput(key, range)) }
  })
}

/**
 * What GET /admin/oms/metrics computes, end to end: the route's own resolveFilters and
 * buildReport, with the comparison period on (the page asks for it).
 */
export function pageRunner(container: ExecArgs["container"], range: BenchRange): Runner {
  const query = { from: range.from, to: range.to, bucket: range.bucket, compare: true } as AdminMetricsQueryType
  return { key: "page", run: () => buildReport(container, resolveFilters(container, query)) }
}

/**
 * The indexes the plugin's migrations add for the metrics: dropped for the "before" pass and
 * made again from their own definitions.
 */
export const METRIC_INDEX_NAMES: string[] = ["IDX_oms_label_purchased_outbound", "IDX_oms_tracking_event_delivered", "IDX_oms_wave_picked_at"]

export async function metricIndexes(client: Client) {
  if (!METRIC_INDEX_NAMES.length) return []
  const { rows } = await client.query(`select tablename as table, indexname as name, indexdef as definition from pg_indexes where indexname = any($1)`, [METRIC_INDEX_NAMES])
  return rows as { table: string; name: string; definition: string }[]
}

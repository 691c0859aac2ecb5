/**
 * What the benchmark measures: the dashboard's own functions, called as the route calls them
 * (no copy of their SQL here), over the ranges a head of operations opens.
 */
import type { Client } from "pg"
import type { ExecArgs } from "@medusajs/framework/types"
import { metricPeriods } from "../../src/lib/metrics/range"
import type { AggregateInput } from "../../src/lib/metrics/sql"
import { METRIC_KEYS, type MetricBucket, type MetricKey } from "../../src/lib/metrics/types"
import { PICKING_MODULE } from "../../src/modules/picking"
import { PICKING_METRIC_SQL } from "../../src/modules/picking/queries/metrics"
import { RETURNS_MODULE } from "../../src/modules/returns"
import { RETURNS_METRIC_SQL } from "../../src/modules/returns/queries/metrics"
import { ROUTING_MODULE } from "../../src/modules/routing"
import { ROUTING_METRIC_SQL } from "../../src/modules/routing/queries/metrics"
import { SHIPPING_MODULE } from "../../src/modules/shipping"
import { SHIPPING_METRIC_SQL } from "../../src/modules/shipping/queries/metrics"

export type Runner = { key: string; run: () => Promise<unknown> }

export type BenchRange = { name: string; from: string; to: string; timezone: string; bucket: MetricBucket }

const day = (d: Date) => d.toISOString().slice(0, 10)

/** The page's default range (the last 30 days, compared with the 30 before) and the whole year. */
export function RANGES(now: Date): BenchRange[] {
  const to = new Date(now.getTime() - 86_400_000)
  const back = (days: number) => new Date(to.getTime() - (days - 1) * 86_400_000)
  return [
    { name: "30 days", from: day(back(30)), to: day(to), timezone: "UTC", bucket: "day" },
    { name: "365 days", from: day(back(365)), to: day(to), timezone: "UTC", bucket: "week" },
  ]
}

/** Which module computes each metric: the one whose registry holds its SQL. */
const OWNERS: [string, Partial<Record<MetricKey, unknown>>][] = [
  [ROUTING_MODULE, ROUTING_METRIC_SQL],
  [PICKING_MODULE, PICKING_METRIC_SQL],
  [SHIPPING_MODULE, SHIPPING_METRIC_SQL],
  [RETURNS_MODULE, RETURNS_METRIC_SQL],
]

function ownerOf(key: MetricKey): string {
  const owner = OWNERS.find(([, registry]) => key in registry)
  if (!owner) throw new Error(`no module computes the metric ${key}`)
  return owner[0]
}

/** The aggregate input of one metric over the range, compared with the period before (as the page asks). */
function aggregateInput(key: MetricKey, range: BenchRange): AggregateInput {
  const periods = metricPeriods(range.from, range.to, range.timezone)
  return {
    key,
    timezone: range.timezone,
    bucket: range.bucket,
    current_start: periods.current.start,
    window: { start: periods.previous.start, end: periods.current.end, timezone: range.timezone },
    filters: {},
  }
}

/** One runner per metric: the owning module's metricRows, the one statement behind the number. */
export function metricRunners(container: ExecArgs["container"], range: BenchRange): Runner[] {
  return METRIC_KEYS.map((key) => {
    const service = container.resolve(ownerOf(key)) as { metricRows: (input: AggregateInput) => Promise<unknown[]> }
    return { key, run: () => service.metricRows(aggregateInput(key, range)) }
  })
}

/** What GET /admin/oms/metrics computes, end to end: every metric, as the route asks for them. */
export function pageRunner(container: ExecArgs["container"], range: BenchRange): Runner {
  const runners = metricRunners(container, range)
  return { key: "page", run: () => Promise.all(runners.map((r) => r.run())) }
}

/**
 * The indexes the plugin's migrations add for the metrics: dropped for the "before" pass and
 * made again from their own definitions.
 */
export const METRIC_INDEX_NAMES: string[] = []

export async function metricIndexes(client: Client) {
  if (!METRIC_INDEX_NAMES.length) return []
  const { rows } = await client.query(`select tablename as table, indexname as name, indexdef as definition from pg_indexes where indexname = any($1)`, [METRIC_INDEX_NAMES])
  return rows as { table: string; name: string; definition: string }[]
}

/**
 * What the benchmark measures: the dashboard's own functions, called as the route calls them
 * (no copy of their SQL here), over the ranges a head of operations opens.
 */
import type { Client } from "pg"
import type { ExecArgs } from "@medusajs/framework/types"

export type Runner = { key: string; run: () => Promise<unknown> }

export type BenchRange = { name: string; from: string; to: string; timezone: string }

const day = (d: Date) => d.toISOString().slice(0, 10)

/** The page's default range (the last 30 days, compared with the 30 before) and the whole year. */
export function RANGES(now: Date): BenchRange[] {
  const to = new Date(now.getTime() - 86_400_000)
  const back = (days: number) => new Date(to.getTime() - (days - 1) * 86_400_000)
  return [
    { name: "30 days", from: day(back(30)), to: day(to), timezone: "UTC" },
    { name: "365 days", from: day(back(365)), to: day(to), timezone: "UTC" },
  ]
}

/** One runner per metric statement. */
export function metricRunners(_container: ExecArgs["container"], _range: BenchRange): Runner[] {
  return []
}

/** What GET /admin/oms/metrics computes, end to end. */
export function pageRunner(_container: ExecArgs["container"], _range: BenchRange): Runner {
  return { key: "page", run: async () => null }
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

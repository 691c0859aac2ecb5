/**
 * The ranges the benchmark measures and the aggregate input the page asks for over a range
 * (compared with the period before), shared by the benchmark and replay.ts. The builders
 * themselves: METRIC_BUILDERS (src/modules/metrics/queries/facts.ts).
 */
import { metricPeriods } from "../../src/lib/metrics/range"
import type { AggregateInput } from "../../src/lib/metrics/sql"
import type { MetricBucket, MetricKey } from "../../src/lib/metrics/types"

export type BenchRange = { name: string; from: string; to: string; timezone: string; bucket: MetricBucket }

const day = (d: Date) => d.toISOString().slice(0, 10)

/** The page's default range (the last 30 days by day) and the whole year (by week), up to yesterday. */
export function benchRanges(now: Date): BenchRange[] {
  const to = new Date(now.getTime() - 86_400_000)
  const back = (days: number) => new Date(to.getTime() - (days - 1) * 86_400_000)
  return [
    { name: "30 days", from: day(back(30)), to: day(to), timezone: "UTC", bucket: "day" },
    { name: "365 days", from: day(back(365)), to: day(to), timezone: "UTC", bucket: "week" },
  ]
}

export function aggregateInput(key: MetricKey, range: BenchRange): AggregateInput {
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

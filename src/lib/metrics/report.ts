import { DEFINITIONS } from "./definitions"
import { roundMetric } from "./percentile"
import { bucketsOf, MetricPeriods } from "./range"
import type { MetricRow } from "./sql"
import type { MetricBucket, MetricKey, MetricValue } from "./types"

/**
 * The aggregate rows of one metric turned into the page's numbers: the headline of each
 * period, the series over every bucket of the range (a bucket without facts is a point with
 * value null and count 0), and the values per dimension key (locations, carriers, reasons).
 */
export type MetricResult = {
  current: MetricValue
  previous: MetricValue
  series: (MetricValue & { bucket: string })[]
  /** dim -> key -> value and the row (label, units) it came from. */
  dims: Record<string, Record<string, { value: MetricValue; row: MetricRow }>>
}

const EMPTY: MetricValue = { value: null, count: 0 }

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))

/** A ratio or duration value from one aggregate row; `cover` needs the stock and the days. */
export function valueOf(key: MetricKey, row: MetricRow | undefined, cover?: { stock: number; days: number }): MetricValue {
  const spec = DEFINITIONS[key]
  if (!row) return spec.kind === "duration" ? { value: null, p50: null, p90: null, count: 0 } : { ...EMPTY }
  if (spec.kind === "duration") {
    const p50 = roundMetric(row.p50)
    return { value: p50, p50, p90: roundMetric(row.p90), count: num(row.n) }
  }
  if (spec.kind === "cover") {
    const shipped = num(row.num)
    const stock = cover?.stock ?? 0
    const days = cover?.days ?? 0
    return { value: shipped > 0 && days > 0 ? roundMetric(stock / (shipped / days)) : null, count: shipped }
  }
  const den = num(row.den)
  return { value: den > 0 ? roundMetric((num(row.num) / den) * spec.scale) : null, count: den }
}

export function assembleMetric(key: MetricKey, rows: MetricRow[], periods: MetricPeriods, bucket: MetricBucket): MetricResult {
  const pick = (period: string, dim: string, k: string | null) =>
    rows.find((r) => r.period === period && r.dim === dim && (r.key ?? null) === k)
  const stockAt = (location: string | null) =>
    rows
      .filter((r) => r.period === "now" && r.dim === "stock" && (location === null || r.key === location))
      .reduce((sum, r) => sum + num(r.num), 0)
  const cover = (days: number, location: string | null = null) => ({ stock: stockAt(location), days })

  const current = valueOf(key, pick("current", "total", null), cover(periods.current.days))
  const previous = valueOf(key, pick("previous", "total", null), cover(periods.previous.days))
  const series = bucketsOf(periods.current, bucket).map(({ bucket: b, days }) => ({
    bucket: b,
    ...valueOf(key, pick("current", "bucket", b), cover(days)),
  }))
  const dims: MetricResult["dims"] = {}
  for (const row of rows) {
    if (row.period !== "current" || row.dim === "total" || row.dim === "bucket" || row.key === null) continue
    const value = valueOf(key, row, cover(periods.current.days, row.dim === "location" ? row.key : null))
    ;(dims[row.dim] ??= {})[row.key] = { value, row }
  }
  // A location that holds stock but shipped nothing in the range still has a (null) cover row.
  if (DEFINITIONS[key].kind === "cover") {
    for (const row of rows) {
      if (row.period !== "now" || row.dim !== "stock" || row.key === null) continue
      const at = (dims.location ??= {})
      at[row.key] ??= { value: { value: null, count: 0 }, row }
    }
  }
  return { current, previous, series, dims }
}

/**
 * The q-th percentile (0..1) with linear interpolation between the closest ranks, as
 * PostgreSQL's percentile_cont computes it, so the pure reference and the SQL agree.
 * Null for no values.
 */
export function percentile(values: number[], q: number): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = q * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

/** A number as the page shows it: two decimals; null stays null. */
export function roundMetric(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return null
  return Math.round(Number(value) * 100) / 100
}

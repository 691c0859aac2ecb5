/**
 * The Returns page's numbers, the pure part: the date range a question covers and the rates
 * computed from the aggregate queries' rows (src/modules/returns/service.ts, "numbers").
 */

/** When neither end is given, the numbers cover the last 30 days up to now. */
export const DEFAULT_STATS_DAYS = 30

const DAY_MS = 86_400_000
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/

export type StatsRange = { from: Date; to: Date }

/**
 * The range of a stats question. A bare `to` date includes that whole day (UTC), so
 * `from=2026-11-01&to=2026-11-30` covers November; a bare `from` starts at its midnight.
 * A missing end is filled from the other: `to` defaults to now, `from` to 30 days before `to`.
 * The inputs are validated ISO strings (the route's validator has checked them).
 */
export function statsRange(input: { from?: string; to?: string }, now: Date = new Date()): StatsRange {
  const to = input.to ? endOf(input.to) : now
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - DEFAULT_STATS_DAYS * DAY_MS)
  return { from, to }
}

const endOf = (value: string): Date => (BARE_DATE.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value))

/**
 * Part over whole, to four decimals (0.1667). Nothing in the whole (returns of units sold or
 * shipped before the range) answers 0: the rate is unknown, and the page shows the units.
 */
export function rate(part: number, whole: number): number {
  if (!whole || !Number.isFinite(whole) || whole <= 0) return 0
  return Math.round((part / whole) * 10_000) / 10_000
}

/** Hours to one decimal; null when there is no value (no resolved case in the range). */
export function roundHours(hours: number | string | null | undefined): number | null {
  if (hours === null || hours === undefined) return null
  const n = Number(hours)
  return Number.isFinite(n) ? Math.round(n * 10) / 10 : null
}

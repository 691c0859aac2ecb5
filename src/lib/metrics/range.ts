import type { MetricBucket } from "./types"

/**
 * A metrics range: calendar days in the store's time zone turned into UTC instants.
 * `from`..`to` (both included) covers [from 00:00, to+1 00:00) local time, so an order placed
 * at 23:30 on the 31st in Amsterdam belongs to the 31st, though it is the 31st 22:30 UTC (or
 * the 1st in UTC for zones behind it). Days are plain YYYY-MM-DD strings, computed with UTC
 * date arithmetic (a calendar day has no time zone); only the instants depend on the zone.
 */
export type MetricRange = {
  from: string
  to: string
  /** Instant of `from` 00:00 local. */
  start: Date
  /** Instant of `to` + 1 day 00:00 local (excluded). */
  end: Date
  days: number
}

export type MetricPeriods = { current: MetricRange; previous: MetricRange }

const DAY_MS = 86_400_000
export const MAX_RANGE_DAYS = 366
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** Whether `value` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false
  const at = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1
}

/** The instant a local calendar day begins in `timeZone` (DST days included). */
export function localMidnight(day: string, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`)
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone)
  // Again at the guess: the offset at local midnight may differ from the one at UTC midnight.
  guess = asUtc - offsetMs(new Date(guess), timeZone)
  return new Date(guess)
}

/** The local calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  const p = parts(at, timeZone)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

export function metricRange(from: string, to: string, timeZone: string): MetricRange {
  return {
    from,
    to,
    start: localMidnight(from, timeZone),
    end: localMidnight(addDays(to, 1), timeZone),
    days: daysBetween(from, to),
  }
}

/** The range and the period of equal length just before it (ending the day before `from`). */
export function metricPeriods(from: string, to: string, timeZone: string): MetricPeriods {
  const days = daysBetween(from, to)
  return {
    current: metricRange(from, to, timeZone),
    previous: metricRange(addDays(from, -days), addDays(from, -1), timeZone),
  }
}

/**
 * The first day of the bucket a local day belongs to: itself, the Monday of its ISO week, or
 * the 1st of its month (as PostgreSQL's date_trunc on the local timestamp).
 */
export function bucketOf(day: string, bucket: MetricBucket): string {
  if (bucket === "day") return day
  if (bucket === "month") return `${day.slice(0, 7)}-01`
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7))
}

/**
 * The buckets of a range in order, each with how many of its days lie inside the range
 * (a week starting before `from` counts only the range's days: the daily rates need it).
 */
export function bucketsOf(range: Pick<MetricRange, "from" | "to">, bucket: MetricBucket): { bucket: string; days: number }[] {
  const out: { bucket: string; days: number }[] = []
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const key = bucketOf(day, bucket)
    const last = out[out.length - 1]
    if (last && last.bucket === key) last.days += 1
    else out.push({ bucket: key, days: 1 })
  }
  return out
}

const pad = (n: number) => String(n).padStart(2, "0")

function parts(at: Date, timeZone: string) {
  const values = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at)
  const get = (type: string) => Number(values.find((p) => p.type === type)?.value)
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") }
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetMs(at: Date, timeZone: string): number {
  const p = parts(at, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

import type { MetricDefinition, MetricKey, MetricUnit, MetricValue } from "../../types/metrics"
import { formatCount } from "./format"

/** The page's sections: which metrics sit together, in the order a head of operations reads them. */
export const METRIC_GROUPS: { title: string; keys: MetricKey[] }[] = [
  { title: "Lead times", keys: ["placed_to_routed", "placed_to_picked", "placed_to_packed", "placed_to_shipped", "placed_to_delivered"] },
  { title: "Routing", keys: ["split_rate", "parcels_per_order", "distance_per_order"] },
  { title: "Picking", keys: ["wrong_scans_per_100_lines", "short_picks_per_100_lines"] },
  { title: "Carriers", keys: ["label_cost_per_order", "on_time_delivery"] },
  { title: "Returns and stock", keys: ["return_rate", "return_to_resolution", "stock_cover_days"] },
]

export const LEAD_TIME_KEYS: MetricKey[] = METRIC_GROUPS[0].keys

/** Hours as a person reads them: minutes under an hour, hours under two days, then days. */
export const formatHours = (hours: number): string => {
  if (hours < 1 / 60) return "< 1 min"
  if (hours < 1) return `${Math.round(hours * 60)} min`
  return hours < 48 ? `${Number(hours.toFixed(1))} h` : `${Number((hours / 24).toFixed(1))} d`
}

const decimals = (value: number, digits: number) => Number(value.toFixed(digits)).toLocaleString()

/** A metric's value in its unit; "-" when nothing was measured. */
export const formatMetric = (value: number | null | undefined, unit: MetricUnit, currency?: string | null): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-"
  switch (unit) {
    case "hours":
      return formatHours(value)
    case "percent":
      return `${decimals(value, 1)}%`
    case "km":
      return `${formatCount(Math.round(value))} km`
    case "money":
      return currency
        ? new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(value)
        : decimals(value, 2)
    case "per_100_lines":
      return decimals(value, 1)
    case "days":
      return `${decimals(value, 1)} d`
    default:
      return decimals(value, 2)
  }
}

/** The unit's short name for an axis or a column ("h", "%", "per 100 lines"). */
export const unitSuffix = (unit: MetricUnit): string =>
  ({ hours: "hours", percent: "%", count: "", km: "km", money: "", per_100_lines: "per 100 lines", days: "days" })[unit]

export type Delta = { text: string; color: "green" | "red" | "grey"; direction: "up" | "down" | "flat" }

/**
 * The change from the previous period: relative when the previous value is not zero, coloured by
 * whether the change is good news (higher_is_better); null when either side measured nothing.
 */
export const metricDelta = (current: MetricValue, previous: MetricValue | undefined, definition: MetricDefinition): Delta | null => {
  if (!previous || current.value === null || previous.value === null) return null
  const diff = current.value - previous.value
  if (Math.abs(diff) < 1e-9) return { text: "No change", color: "grey", direction: "flat" }
  const good = diff > 0 === definition.higher_is_better
  const relative =
    previous.value !== 0 ? `${diff > 0 ? "+" : "−"}${decimals(Math.abs((diff / previous.value) * 100), 0)}%` : `${diff > 0 ? "+" : "−"}${formatMetric(Math.abs(diff), definition.unit)}`
  return { text: relative, color: good ? "green" : "red", direction: diff > 0 ? "up" : "down" }
}

/** The admin's own colours (Medusa UI tag icons), one per series. */
export const SERIES_COLORS = [
  "var(--tag-blue-icon)",
  "var(--tag-green-icon)",
  "var(--tag-orange-icon)",
  "var(--tag-purple-icon)",
  "var(--tag-red-icon)",
]

/** "2026-11-02" -> "Nov 2" (a bucket's first day, read as a calendar day, not a moment). */
export const formatBucket = (day: string): string => {
  const [y, m, d] = day.split("-").map(Number)
  if (!y || !m || !d) return day
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" })
}

/** A calendar day n days before `day` (YYYY-MM-DD). */
export const daysBefore = (day: string, n: number): string => {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10)
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export const localToday = (): string => {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`
}

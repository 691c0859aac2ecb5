/**
 * The operations dashboard's words: which numbers exist, what they are measured in, and the
 * filters every one of them takes. Pure types; the definitions (what counts, edge cases) live
 * beside this file, the aggregate SQL in the modules that own the data.
 */

/** Every number on the Performance page. */
export const METRIC_KEYS = [
  // Lead times from order placed, in hours, p50 and p90 over the orders that reached the step.
  "placed_to_routed",
  "placed_to_picked",
  "placed_to_packed",
  "placed_to_shipped",
  "placed_to_delivered",
  // Routing's outcome.
  "split_rate", // percent of routed orders shipped from more than one location
  "parcels_per_order", // outbound fulfillments per shipped order
  "distance_per_order", // km from the shipping location(s) to the customer, per routed order
  // The floor.
  "wrong_scans_per_100_lines", // refused scans per 100 pick-list lines
  "short_picks_per_100_lines", // lines picked short per 100 pick-list lines
  // Labels and carriers.
  "label_cost_per_order", // purchased outbound label amounts per shipped order, store currency
  "on_time_delivery", // percent of delivered parcels delivered by the carrier's estimate
  // Returns.
  "return_rate", // percent of units fulfilled in the range that were asked back
  "return_to_resolution", // hours from return request to resolution, p50 and p90
  // Stock.
  "stock_cover_days", // days of stock on hand at the range's daily sales rate
] as const

export type MetricKey = (typeof METRIC_KEYS)[number]

export type MetricUnit = "hours" | "percent" | "count" | "km" | "money" | "per_100_lines" | "days"

/** Buckets of the charts over time, in the store's time zone. */
export type MetricBucket = "day" | "week" | "month"

/**
 * The filters every metric takes. `from` and `to` are calendar days (YYYY-MM-DD) in the store's
 * time zone (options.timezone), both included: a range is [from 00:00, to+1 00:00) local time.
 */
export type MetricFilters = {
  from: string
  to: string
  timezone: string
  location_id?: string
  sales_channel_id?: string
  carrier?: string
  bucket: MetricBucket
}

/** What one metric says over a range: a value, and for durations the percentiles. */
export type MetricValue = {
  /** The headline number (for durations: p50); null when nothing was measured. */
  value: number | null
  p50?: number | null
  p90?: number | null
  /** How many things were measured (orders, lines, parcels, units): the denominator. */
  count: number
}

/** The definition of a metric as the page shows it. */
export type MetricDefinition = {
  key: MetricKey
  label: string
  unit: MetricUnit
  /** One sentence: what counts and what does not. */
  description: string
  /** Whether a higher value is better (the comparison colours it). */
  higher_is_better: boolean
  /** Whether the number has orders behind it to drill into. */
  drill_down: boolean
}

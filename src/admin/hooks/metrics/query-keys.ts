import type { MetricBucket, MetricKey } from "../../../types/metrics"

/** The Performance page's filters as the page holds them (calendar days in the store's time zone). */
export type PerformanceFilters = {
  from: string
  to: string
  location_id?: string
  sales_channel_id?: string
  carrier?: string
  bucket: MetricBucket
  compare: boolean
}

/** What a drill-down narrows to: one metric, and optionally one bucket or one location. */
export type DrillDown = { key: MetricKey; bucket_start?: string; location_id?: string }

/** Query keys of the Performance page, under the OMS root so a broad refresh reaches them too. */
export const metricsQueryKeys = {
  all: ["oms", "metrics"] as const,
  report: (filters: PerformanceFilters) => [...metricsQueryKeys.all, "report", filters] as const,
  orders: (filters: PerformanceFilters, drill: DrillDown, offset: number) =>
    [...metricsQueryKeys.all, "orders", filters, drill, offset] as const,
}

/** The filters as query parameters: empty ones left out, compare as "true"/"false". */
export const filterQuery = (filters: Partial<PerformanceFilters> | Omit<DrillDown, "key">): Record<string, string> => {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "") continue
    query[key] = String(value)
  }
  return query
}

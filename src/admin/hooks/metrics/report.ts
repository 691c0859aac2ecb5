import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { MetricOrdersResponse, PerformanceReportResponse } from "../../../types/metrics"
import { DrillDown, filterQuery, metricsQueryKeys, PerformanceFilters } from "./query-keys"

/** Every metric over the range (and the previous one), by location, carrier and return reason. */
export const usePerformanceReport = (filters: PerformanceFilters) =>
  useQuery({
    queryKey: metricsQueryKeys.report(filters),
    queryFn: () => sdk.client.fetch<PerformanceReportResponse>("/admin/oms/metrics", { query: filterQuery(filters) }),
    // Changing a filter keeps the last report on screen until the new one arrives.
    placeholderData: keepPreviousData,
  })

export const DRILL_PAGE_SIZE = 20

/** The orders behind one number (a metric, in one bucket or at one location), a page at a time. */
export const useMetricOrders = (filters: PerformanceFilters, drill: DrillDown | null, offset: number) =>
  useQuery({
    queryKey: metricsQueryKeys.orders(filters, drill ?? { key: "placed_to_shipped" }, offset),
    queryFn: () => {
      const { key, ...narrow } = drill!
      // The drill-down's own location replaces the page's location filter.
      const query = { ...filterQuery(filters), ...filterQuery(narrow), limit: String(DRILL_PAGE_SIZE), offset: String(offset) }
      return sdk.client.fetch<MetricOrdersResponse>(`/admin/oms/metrics/${encodeURIComponent(key)}/orders`, { query })
    },
    enabled: drill !== null,
    placeholderData: keepPreviousData,
  })

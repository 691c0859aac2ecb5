import { writeCsv, CsvValue } from "../csv"
import type { PerformanceReportResponse } from "../../types/metrics"
import type { MetricValue } from "./types"

export const METRICS_CSV_HEADER = ["metric", "label", "unit", "period", "bucket", "value", "p50", "p90", "count"]

/**
 * The report as CSV: per metric a `current` row, a `previous` row when compared, then one
 * `bucket` row per bucket of the series (its first day); empty cells where nothing was measured.
 */
export function metricsCsv(report: PerformanceReportResponse): string {
  const rows: CsvValue[][] = [METRICS_CSV_HEADER]
  const cells = (v: MetricValue) => [v.value, v.p50 ?? null, v.p90 ?? null, v.count]
  for (const definition of report.definitions) {
    const metric = report.metrics[definition.key]
    const head = [definition.key, definition.label, definition.unit]
    rows.push([...head, "current", `${report.filters.from}..${report.filters.to}`, ...cells(metric.current)])
    if (metric.previous && report.previous_range) {
      rows.push([...head, "previous", `${report.previous_range.from}..${report.previous_range.to}`, ...cells(metric.previous)])
    }
    for (const point of metric.series) rows.push([...head, "bucket", point.bucket, ...cells(point)])
  }
  return writeCsv(rows)
}

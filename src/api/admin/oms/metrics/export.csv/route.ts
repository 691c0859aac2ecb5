import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metricsCsv } from "../../../../../lib/metrics/csv"
import { buildReport, resolveFilters } from "../helpers"
import type { AdminMetricsQueryType } from "../validators"

/**
 * GET /admin/oms/metrics/export.csv: the report as CSV, per metric its current value, the
 * previous period's (compare=true) and one row per bucket.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const filters = resolveFilters(req.scope, req.validatedQuery as AdminMetricsQueryType)
  const report = await buildReport(req.scope, filters)
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="metrics-${filters.from}-${filters.to}.csv"`)
  res.status(200).send(metricsCsv(report))
}

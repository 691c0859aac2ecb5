import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PerformanceReportResponse } from "../../../../types/metrics"
import { buildReport, resolveFilters } from "./helpers"
import type { AdminMetricsQueryType } from "./validators"

/**
 * GET /admin/oms/metrics: every metric over the range (and the previous period with
 * compare=true), its series per bucket, the table per location, per carrier and the returns
 * breakdowns. One aggregate statement per metric whatever the number of orders, plus one for
 * the locations' names; `statements` says how many ran.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<PerformanceReportResponse>) => {
  const filters = resolveFilters(req.scope, req.validatedQuery as AdminMetricsQueryType)
  res.json(await buildReport(req.scope, filters))
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { statsRange } from "../../../../../lib/returns/stats"
import { RETURNS_MODULE } from "../../../../../modules/returns"
import type { ReturnsModuleService } from "../../../../../modules/returns"
import type { AdminReturnStatsResponse } from "../../../../../types/returns"
import type { AdminReturnStatsQueryType } from "./validators"

/**
 * GET /admin/oms/returns/stats: return rates by reason, product and location, and the time
 * from request to resolution, over a date range (the last 30 days by default). Each list is
 * one aggregate query, whatever the number of orders.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnStatsResponse>) => {
  const range = statsRange(req.validatedQuery as AdminReturnStatsQueryType)
  const returns = req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const [by_reason, by_product, by_location, resolution_hours] = await Promise.all([
    returns.returnRateByReason(range),
    returns.returnRateByProduct(range),
    returns.returnRateByLocation(range),
    returns.resolutionHours(range),
  ])
  res.json({ from: range.from.toISOString(), to: range.to.toISOString(), by_reason, by_product, by_location, resolution_hours })
}

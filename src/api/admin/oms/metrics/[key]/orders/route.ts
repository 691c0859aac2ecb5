import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetricOrdersResponse } from "../../../../../../types/metrics"
import { drillDownKey, metricOrders, resolveFilters } from "../../helpers"
import type { AdminMetricOrdersQueryType } from "../../validators"

/**
 * GET /admin/oms/metrics/:key/orders: the orders behind a number (the current range, one
 * bucket with bucket_start, one location with location_id), largest contribution first (the
 * slowest for lead times), paginated. 404 for an unknown metric, 400 for one without orders.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetricOrdersResponse>) => {
  const key = drillDownKey(req.params.key)
  const query = req.validatedQuery as AdminMetricOrdersQueryType
  const filters = resolveFilters(req.scope, query)
  const { orders, count } = await metricOrders(req.scope, key, filters, query)
  res.json({ key, orders, count, limit: query.limit, offset: query.offset })
}

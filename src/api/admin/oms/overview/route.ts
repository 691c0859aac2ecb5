import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startOfDay } from "../../../../lib/time/start-of-day"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"
import type { AdminOmsOverviewResponse } from "../../../../types/foundation"
import {
  countByFulfillmentStatus,
  countOrdersSince,
  FULFILLMENT_WINDOW_DAYS,
  stockByLocation,
} from "./helpers"

/** GET /admin/oms/overview: the live counts on the Order management page. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOmsOverviewResponse>) => {
  const routingModule = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE)
  const { timezone } = routingModule.getOmsOptions()
  const now = new Date()
  const todayStartsAt = startOfDay(now, timezone)
  const windowStartsAt = new Date(now.getTime() - FULFILLMENT_WINDOW_DAYS * 24 * 3600 * 1000)

  const [ordersToday, fulfillment, stock, routing] = await Promise.all([
    countOrdersSince(req.scope, todayStartsAt),
    countByFulfillmentStatus(req.scope, windowStartsAt),
    stockByLocation(req.scope),
    routingModule.routingCounts(todayStartsAt),
  ])

  res.json({
    timezone,
    today_starts_at: todayStartsAt.toISOString(),
    orders_today: ordersToday,
    fulfillment: { window_days: FULFILLMENT_WINDOW_DAYS, ...fulfillment },
    stock_by_location: stock,
    routing,
  })
}

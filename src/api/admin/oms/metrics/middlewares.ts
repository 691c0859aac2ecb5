import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate"
import { AdminMetricOrdersQuery, AdminMetricsQuery } from "./validators"

export const adminOmsMetricsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/metrics", method: ["GET"], middlewares: [validateQuery(AdminMetricsQuery)] },
  { matcher: "/admin/oms/metrics/export.csv", method: ["GET"], middlewares: [validateQuery(AdminMetricsQuery)] },
  { matcher: "/admin/oms/metrics/:key/orders", method: ["GET"], middlewares: [validateQuery(AdminMetricOrdersQuery)] },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminPageQuery } from "../../../utils/paging"
import { validateQuery } from "../../../utils/validate"

export const adminOmsRoutingMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/routing/queue", method: ["GET"], middlewares: [validateQuery(AdminPageQuery)] },
]

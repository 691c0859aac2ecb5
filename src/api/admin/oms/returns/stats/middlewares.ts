import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../../utils/validate"
import { AdminReturnStatsQuery } from "./validators"

export const adminOmsReturnStatsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/returns/stats", method: ["GET"], middlewares: [validateQuery(AdminReturnStatsQuery)] },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../../utils/validate"
import { AdminPlayTracking } from "./validators"

export const adminOmsLabelTrackingMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/labels/:id/tracking/play", method: ["POST"], middlewares: [validateBody(AdminPlayTracking)] },
]

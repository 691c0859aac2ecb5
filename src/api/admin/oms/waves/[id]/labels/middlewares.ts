import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../../../utils/validate"
import { AdminBuyWaveLabels, AdminWaveLabelsFileQuery } from "./validators"

export const adminOmsWaveLabelsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/waves/:id/labels", method: ["POST"], middlewares: [validateBody(AdminBuyWaveLabels)] },
  { matcher: "/admin/oms/waves/:id/labels", method: ["GET"], middlewares: [validateQuery(AdminWaveLabelsFileQuery)] },
]

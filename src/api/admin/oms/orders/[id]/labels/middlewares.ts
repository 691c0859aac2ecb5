import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../../../utils/validate"
import { AdminBuyOrderLabel, AdminOrderLabelRatesQuery, AdminOrderLabelsQuery, AdminReturnLabel, AdminVoidLabel } from "./validators"

export const adminOmsOrderLabelsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/orders/:id/labels", method: ["GET"], middlewares: [validateQuery(AdminOrderLabelsQuery)] },
  { matcher: "/admin/oms/orders/:id/labels/rates", method: ["GET"], middlewares: [validateQuery(AdminOrderLabelRatesQuery)] },
  { matcher: "/admin/oms/orders/:id/labels", method: ["POST"], middlewares: [validateBody(AdminBuyOrderLabel)] },
  { matcher: "/admin/oms/orders/:id/labels/:label_id/void", method: ["POST"], middlewares: [validateBody(AdminVoidLabel)] },
  { matcher: "/admin/oms/orders/:id/labels/:label_id/return", method: ["POST"], middlewares: [validateBody(AdminReturnLabel)] },
]

import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminMoveLines, AdminRejectLines } from "./validators"

export const adminOmsOrdersMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/orders/:id/reject", method: ["POST"], middlewares: [validateAndTransformBody(AdminRejectLines)] },
  { matcher: "/admin/oms/orders/:id/move", method: ["POST"], middlewares: [validateAndTransformBody(AdminMoveLines)] },
]

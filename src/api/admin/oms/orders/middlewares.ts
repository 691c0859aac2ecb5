import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate"
import { AdminMoveLines, AdminRejectLines } from "./validators"

export const adminOmsOrdersMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/orders/:id/reject", method: ["POST"], middlewares: [validateBody(AdminRejectLines)] },
  { matcher: "/admin/oms/orders/:id/move", method: ["POST"], middlewares: [validateBody(AdminMoveLines)] },
]

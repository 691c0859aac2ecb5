import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../../utils/validate"
import { AdminCreateOrderReturn } from "./validators"

export const adminOmsOrderReturnsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/orders/:id/returns", method: ["POST"], middlewares: [validateBody(AdminCreateOrderReturn)] },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../../utils/validate"
import { AdminResolveReturn } from "./validators"

export const adminOmsReturnResolveMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/returns/:id/resolve", method: ["POST"], middlewares: [validateBody(AdminResolveReturn)] },
]

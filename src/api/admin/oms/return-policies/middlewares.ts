import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import { AdminCreateReturnPolicy, AdminListReturnPoliciesQuery, AdminUpdateReturnPolicy } from "./validators"

export const adminOmsReturnPoliciesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/return-policies", method: ["GET"], middlewares: [validateQuery(AdminListReturnPoliciesQuery)] },
  { matcher: "/admin/oms/return-policies", method: ["POST"], middlewares: [validateBody(AdminCreateReturnPolicy)] },
  { matcher: "/admin/oms/return-policies/:id", method: ["POST"], middlewares: [validateBody(AdminUpdateReturnPolicy)] },
]

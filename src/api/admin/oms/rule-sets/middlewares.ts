import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminCreateRuleSet, AdminShadowRuleSet, AdminUpdateRuleSet } from "./validators"

export const adminOmsRuleSetsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/rule-sets", method: ["POST"], middlewares: [validateAndTransformBody(AdminCreateRuleSet)] },
  { matcher: "/admin/oms/rule-sets/:id", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateRuleSet)] },
  {
    matcher: "/admin/oms/rule-sets/:id/shadow",
    method: ["POST"],
    middlewares: [validateAndTransformBody(AdminShadowRuleSet)],
  },
]

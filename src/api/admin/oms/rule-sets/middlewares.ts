import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import {
  AdminCreateRuleSet,
  AdminListRuleSetsQuery,
  AdminShadowResultsQuery,
  AdminShadowRuleSet,
  AdminUpdateRuleSet,
} from "./validators"

export const adminOmsRuleSetsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/rule-sets", method: ["GET"], middlewares: [validateQuery(AdminListRuleSetsQuery)] },
  { matcher: "/admin/oms/rule-sets", method: ["POST"], middlewares: [validateBody(AdminCreateRuleSet)] },
  { matcher: "/admin/oms/rule-sets/:id", method: ["POST"], middlewares: [validateBody(AdminUpdateRuleSet)] },
  {
    matcher: "/admin/oms/rule-sets/:id/shadow",
    method: ["POST"],
    middlewares: [validateBody(AdminShadowRuleSet)],
  },
  {
    matcher: "/admin/oms/rule-sets/:id/shadow-results",
    method: ["GET"],
    middlewares: [validateQuery(AdminShadowResultsQuery)],
  },
]

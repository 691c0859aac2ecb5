import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import { AdminCreateCarrierAccount, AdminListCarrierAccountsQuery, AdminUpdateCarrierAccount } from "./validators"

export const adminOmsCarrierAccountsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/carrier-accounts", method: ["GET"], middlewares: [validateQuery(AdminListCarrierAccountsQuery)] },
  { matcher: "/admin/oms/carrier-accounts", method: ["POST"], middlewares: [validateBody(AdminCreateCarrierAccount)] },
  { matcher: "/admin/oms/carrier-accounts/:id", method: ["POST"], middlewares: [validateBody(AdminUpdateCarrierAccount)] },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import {
  AdminCancelReturn,
  AdminInspectReturn,
  AdminListReturnsQuery,
  AdminReceiveReturn,
  AdminReturnLookupQuery,
  AdminReturnScan,
} from "./validators"

export const adminOmsReturnsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/returns", method: ["GET"], middlewares: [validateQuery(AdminListReturnsQuery)] },
  { matcher: "/admin/oms/returns/lookup", method: ["GET"], middlewares: [validateQuery(AdminReturnLookupQuery)] },
  { matcher: "/admin/oms/returns/:id/receive", method: ["POST"], middlewares: [validateBody(AdminReceiveReturn)] },
  { matcher: "/admin/oms/returns/:id/scan", method: ["POST"], middlewares: [validateBody(AdminReturnScan)] },
  { matcher: "/admin/oms/returns/:id/inspect", method: ["POST"], middlewares: [validateBody(AdminInspectReturn)] },
  { matcher: "/admin/oms/returns/:id/cancel", method: ["POST"], middlewares: [validateBody(AdminCancelReturn)] },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import { AdminIssueInvoice, AdminListDocumentsQuery } from "./validators"

export const adminOmsDocumentsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/documents", method: ["GET"], middlewares: [validateQuery(AdminListDocumentsQuery)] },
  { matcher: "/admin/oms/documents/invoices", method: ["POST"], middlewares: [validateBody(AdminIssueInvoice)] },
]

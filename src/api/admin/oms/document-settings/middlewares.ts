import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate"
import { AdminUpdateDocumentSettings } from "./validators"

export const adminOmsDocumentSettingsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/document-settings", method: ["POST"], middlewares: [validateBody(AdminUpdateDocumentSettings)] },
]

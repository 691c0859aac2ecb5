import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import { AdminListSentMessagesQuery, AdminPreviewMessage, AdminSaveMessageTemplate } from "./validators"

export const adminOmsMessagesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/messages/templates/:kind/:locale", method: ["POST"], middlewares: [validateBody(AdminSaveMessageTemplate)] },
  { matcher: "/admin/oms/messages/preview", method: ["POST"], middlewares: [validateBody(AdminPreviewMessage)] },
  { matcher: "/admin/oms/messages/sent", method: ["GET"], middlewares: [validateQuery(AdminListSentMessagesQuery)] },
]

import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminPageQuery } from "../../../utils/paging"
import { validateBody, validateQuery } from "../../../utils/validate"
import { AdminUpdateLocationProfile } from "./validators"

export const adminOmsLocationsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/locations", method: ["GET"], middlewares: [validateQuery(AdminPageQuery)] },
  {
    matcher: "/admin/oms/locations/:id",
    method: ["POST"],
    middlewares: [validateBody(AdminUpdateLocationProfile)],
  },
]

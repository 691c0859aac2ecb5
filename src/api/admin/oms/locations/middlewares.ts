import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateLocationProfile } from "./validators"

export const adminOmsLocationsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/oms/locations/:id",
    method: ["POST"],
    middlewares: [validateAndTransformBody(AdminUpdateLocationProfile)],
  },
]

import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminCreateSimulation } from "./validators"

export const adminOmsSimulationsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/simulations", method: ["POST"], middlewares: [validateAndTransformBody(AdminCreateSimulation)] },
]

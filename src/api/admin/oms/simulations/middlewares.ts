import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate"
import { AdminCreateSimulation } from "./validators"

export const adminOmsSimulationsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/simulations", method: ["POST"], middlewares: [validateBody(AdminCreateSimulation)] },
]

import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate"
import { StoreApplyCredit } from "./validators"

export const storeOmsCartsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/oms/carts/:id/store-credit",
    method: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(StoreApplyCredit)],
  },
  {
    matcher: "/store/oms/carts/:id/store-credit",
    method: ["DELETE"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]

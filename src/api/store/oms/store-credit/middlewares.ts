import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate"
import { StoreCreditBalanceQuery } from "./validators"

export const storeOmsStoreCreditMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/oms/store-credit",
    method: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(StoreCreditBalanceQuery)],
  },
]

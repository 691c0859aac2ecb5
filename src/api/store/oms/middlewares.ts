import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validate"
import { StoreCreateReturn, StoreListReturns, StoreReturnLookup } from "./validators"

/**
 * A logged-in customer (session or bearer, as Medusa's own store routes take them) or a guest:
 * a guest proves one order with the `x-oms-return-token` header (read by the routes).
 */
const customerOrGuest = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export const storeOmsReturnsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/oms/returns/lookup", method: ["POST"], middlewares: [validateBody(StoreReturnLookup)] },
  { matcher: "/store/oms/returns", method: ["POST"], middlewares: [customerOrGuest, validateBody(StoreCreateReturn)] },
  { matcher: "/store/oms/returns", method: ["GET"], middlewares: [customerOrGuest, validateQuery(StoreListReturns)] },
  { matcher: "/store/oms/returns/:id", method: ["GET"], middlewares: [customerOrGuest] },
  { matcher: "/store/oms/returns/:id/slip", method: ["GET"], middlewares: [customerOrGuest] },
  { matcher: "/store/oms/returns/:id/label", method: ["GET"], middlewares: [customerOrGuest] },
  { matcher: "/store/oms/orders/:id/returnable", method: ["GET"], middlewares: [customerOrGuest] },
]

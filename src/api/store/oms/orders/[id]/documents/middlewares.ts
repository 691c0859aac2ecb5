import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

/** A signed-in customer only (session or bearer token), as Medusa's /store/customers/me routes. */
export const storeOmsOrderDocumentsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/oms/orders/:id/documents", method: ["GET"], middlewares: [authenticate("customer", ["session", "bearer"])] },
]

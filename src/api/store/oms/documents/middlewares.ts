import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

/** A signed-in customer only (session or bearer token), as Medusa's /store/customers/me routes. */
export const storeOmsDocumentsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/oms/documents/:id/file", method: ["GET"], middlewares: [authenticate("customer", ["session", "bearer"])] },
]

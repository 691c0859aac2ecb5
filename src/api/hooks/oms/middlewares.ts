import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Carrier webhooks are verified on the exact bytes the carrier signed. */
export const hooksOmsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/hooks/oms/carriers/:carrier",
    bodyParser: { preserveRawBody: true },
  },
]

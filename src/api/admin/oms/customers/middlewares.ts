import { MiddlewareRoute } from "@medusajs/framework/http"

// GET /admin/oms/customers/:id/store-credit takes no input beyond the path (admins only, as all of /admin).
export const adminOmsCustomersMiddlewares: MiddlewareRoute[] = []

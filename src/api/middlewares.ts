import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOmsLocationsMiddlewares } from "./admin/oms/locations/middlewares"

// Each route folder keeps its own middlewares; they are merged here, as Medusa does.
export default defineMiddlewares({
  routes: [...adminOmsLocationsMiddlewares],
})

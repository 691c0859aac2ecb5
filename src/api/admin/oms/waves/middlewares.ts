import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import { adminOmsWaveLabelsMiddlewares } from "./[id]/labels/middlewares"
import { AdminListWavesQuery, AdminPackOrder, AdminPaperQuery, AdminScan, AdminWaveFilters } from "./validators"

export const adminOmsWavesMiddlewares: MiddlewareRoute[] = [
  ...adminOmsWaveLabelsMiddlewares,
  { matcher: "/admin/oms/waves", method: ["GET"], middlewares: [validateQuery(AdminListWavesQuery)] },
  { matcher: "/admin/oms/waves", method: ["POST"], middlewares: [validateBody(AdminWaveFilters)] },
  { matcher: "/admin/oms/waves/preview", method: ["POST"], middlewares: [validateBody(AdminWaveFilters)] },
  { matcher: "/admin/oms/waves/:id/scan", method: ["POST"], middlewares: [validateBody(AdminScan)] },
  {
    matcher: "/admin/oms/waves/:id/orders/:order_id/pack",
    method: ["POST"],
    middlewares: [validateBody(AdminPackOrder)],
  },
  {
    matcher: "/admin/oms/waves/:id/pick-list.pdf",
    method: ["GET"],
    middlewares: [validateQuery(AdminPaperQuery)],
  },
  {
    matcher: "/admin/oms/waves/:id/orders/:order_id/packing-slip.pdf",
    method: ["GET"],
    middlewares: [validateQuery(AdminPaperQuery)],
  },
]

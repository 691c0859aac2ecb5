import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminListWavesQuery, AdminPackOrder, AdminPaperQuery, AdminScan, AdminWaveFilters } from "./validators"

export const adminOmsWavesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/waves", method: ["GET"], middlewares: [validateAndTransformQuery(AdminListWavesQuery, {})] },
  { matcher: "/admin/oms/waves", method: ["POST"], middlewares: [validateAndTransformBody(AdminWaveFilters)] },
  { matcher: "/admin/oms/waves/preview", method: ["POST"], middlewares: [validateAndTransformBody(AdminWaveFilters)] },
  { matcher: "/admin/oms/waves/:id/scan", method: ["POST"], middlewares: [validateAndTransformBody(AdminScan)] },
  {
    matcher: "/admin/oms/waves/:id/orders/:order_id/pack",
    method: ["POST"],
    middlewares: [validateAndTransformBody(AdminPackOrder)],
  },
  {
    matcher: "/admin/oms/waves/:id/pick-list.pdf",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(AdminPaperQuery, {})],
  },
  {
    matcher: "/admin/oms/waves/:id/orders/:order_id/packing-slip.pdf",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(AdminPaperQuery, {})],
  },
]

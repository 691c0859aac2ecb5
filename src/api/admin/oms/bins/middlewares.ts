import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminExportBinsQuery, AdminImportBins, AdminListBinsQuery, AdminUpsertBin } from "./validators"

export const adminOmsBinsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/bins", method: ["GET"], middlewares: [validateAndTransformQuery(AdminListBinsQuery, {})] },
  { matcher: "/admin/oms/bins", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpsertBin)] },
  { matcher: "/admin/oms/bins/import", method: ["POST"], middlewares: [validateAndTransformBody(AdminImportBins)] },
  {
    matcher: "/admin/oms/bins/export.csv",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(AdminExportBinsQuery, {})],
  },
]

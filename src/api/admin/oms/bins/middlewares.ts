import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validate"
import { AdminExportBinsQuery, AdminImportBins, AdminListBinsQuery, AdminUpsertBin } from "./validators"

export const adminOmsBinsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/oms/bins", method: ["GET"], middlewares: [validateQuery(AdminListBinsQuery)] },
  { matcher: "/admin/oms/bins", method: ["POST"], middlewares: [validateBody(AdminUpsertBin)] },
  { matcher: "/admin/oms/bins/import", method: ["POST"], middlewares: [validateBody(AdminImportBins)] },
  {
    matcher: "/admin/oms/bins/export.csv",
    method: ["GET"],
    middlewares: [validateQuery(AdminExportBinsQuery)],
  },
]

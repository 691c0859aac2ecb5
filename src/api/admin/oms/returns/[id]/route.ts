import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReturnResponse } from "../../../../../types/returns"
import { getReturnCaseView } from "../helpers"

/** GET /admin/oms/returns/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnResponse>) => {
  res.json({ return: await getReturnCaseView(req.scope, req.params.id) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReturnScanResponse } from "../../../../../../types/returns"
import { getReturnCaseView, scanAgainstCase } from "../../helpers"
import { AdminReturnScanType } from "../../validators"

/**
 * POST /admin/oms/returns/:id/scan {code}: is this item in the return? 200 either way, with
 * a sentence for the inspector (a wrong item is `match: false`); nothing is written.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReturnScanType>, res: MedusaResponse<AdminReturnScanResponse>) => {
  const view = await getReturnCaseView(req.scope, req.params.id)
  res.json(scanAgainstCase(view, req.validatedBody.code))
}

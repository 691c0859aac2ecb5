import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReturnResponse } from "../../../../../../types/returns"
import { cancelReturnCaseWorkflow } from "../../../../../../workflows/returns/workflows/cancel-return-case"
import { answeringConflicts } from "../../../../../utils/conflicts"
import { AdminCancelReturnType } from "../../validators"

/** POST /admin/oms/returns/:id/cancel: only before the parcel was received (409 after). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCancelReturnType>, res: MedusaResponse<AdminReturnResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await cancelReturnCaseWorkflow(req.scope).run({
      input: { return_case_id: req.params.id, canceled_by: req.auth_context?.actor_id ?? null, reason: req.validatedBody.reason ?? null },
    })
    res.json({ return: result.return })
  })

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminReturnResponse } from "../../../../../../types/returns"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../../../../modules/returns"
import { answeringConflicts } from "../../../../../utils/conflicts"
import { CASE_RELATIONS, caseView } from "../../../../../../workflows/returns/utils/case-view"
import { resolveReturnWorkflow } from "../../../../../../workflows/returns/workflows/resolve-return"

/**
 * POST /admin/oms/returns/:id/resolve: runs an inspected case's resolution again after it
 * failed (or for the first time, if the event never ran it). What the failed run already paid
 * is found and not paid again. 409 with the sentence when the case is not resolvable or the
 * payout fails again.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnResponse>) => {
  await answeringConflicts(res, async () => {
    const { result } = await resolveReturnWorkflow(req.scope).run({
      input: { return_case_id: req.params.id, retry: true, actor: req.auth_context?.actor_id ?? null },
    })
    if (!result.done) throw new MedusaError(MedusaError.Types.CONFLICT, result.error ?? "The return was not resolved.")
    const service = req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const row = await service.retrieveReturnCase(req.params.id, { relations: CASE_RELATIONS })
    res.json({ return: caseView(row) })
  })
}

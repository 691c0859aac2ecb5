import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReturnResponse } from "../../../../../../types/returns"
import { inspectReturnWorkflow } from "../../../../../../workflows/returns/workflows/inspect-return"
import { answeringConflicts } from "../../../../../utils/conflicts"
import { AdminInspectReturnType } from "../../validators"

/**
 * POST /admin/oms/returns/:id/inspect: every unit graded; restock through Medusa's receive flow
 * at each entry's location, the rest dismissed. A second inspection is a 409 and restocks nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminInspectReturnType>, res: MedusaResponse<AdminReturnResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await inspectReturnWorkflow(req.scope).run({
      input: { return_case_id: req.params.id, entries: req.validatedBody.entries, inspected_by: req.auth_context?.actor_id ?? null },
    })
    res.json({ return: result.return })
  })

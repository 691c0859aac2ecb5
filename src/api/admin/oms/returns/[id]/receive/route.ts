import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReturnResponse } from "../../../../../../types/returns"
import { receiveReturnParcelWorkflow } from "../../../../../../workflows/returns/workflows/receive-return-parcel"
import { answeringConflicts } from "../../../../../utils/conflicts"

/** POST /admin/oms/returns/:id/receive: the parcel was scanned in (again: same answer, nothing changes). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await receiveReturnParcelWorkflow(req.scope).run({
      input: { return_case_id: req.params.id, received_by: req.auth_context?.actor_id ?? null },
    })
    res.json({ return: result.return })
  })

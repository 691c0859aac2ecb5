import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectLinesWorkflow } from "../../../../../../workflows/routing/workflows/reject-lines"
import { AdminRejectLinesType } from "../../validators"
import { answeringConflicts } from "../../../../../utils/conflicts"

/** POST /admin/oms/orders/:id/reject: a location rejects lines; the order is re-routed without it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRejectLinesType>, res: MedusaResponse) =>
  answeringConflicts(res, async () => {
    const { result } = await rejectLinesWorkflow(req.scope).run({
      input: { order_id: req.params.id, ...req.validatedBody, actor: req.auth_context.actor_id },
    })
    res.json({ decision: result })
  })

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { rejectLinesWorkflow } from "../../../../../../workflows/routing/workflows/reject-lines"
import type { AdminRoutingDecisionResponse } from "../../../../../../types/routing"
import { presentDecision } from "../../helpers"
import { AdminRejectLinesType } from "../../validators"
import { answeringConflicts } from "../../../../../utils/conflicts"

/** POST /admin/oms/orders/:id/reject: a location rejects lines; the order is re-routed without it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRejectLinesType>, res: MedusaResponse<AdminRoutingDecisionResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await rejectLinesWorkflow(req.scope).run({
      input: { order_id: req.params.id, ...req.validatedBody, actor: req.auth_context.actor_id },
    })
    // Routing skips only an order it cannot find (the rejection was checked against its lines).
    if (!result) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
    res.json({ decision: presentDecision(result) })
  })

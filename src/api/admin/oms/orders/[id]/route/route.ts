import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminRoutingDecisionResponse } from "../../../../../../types/routing"
import { routeOrderWorkflow } from "../../../../../../workflows/routing/workflows/route-order"
import { presentDecision } from "../../helpers"
import { answeringConflicts } from "../../../../../utils/conflicts"

/** POST /admin/oms/orders/:id/route: route the order again on today's stock and rules (409 when canceled or nothing is left). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRoutingDecisionResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await routeOrderWorkflow(req.scope).run({
      input: { order_id: req.params.id, force: true, actor: req.auth_context.actor_id },
    })
    if (result.skipped === "order not found") {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
    }
    if (!result.decision) {
      // Canceled, or nothing left to reserve: the order's state refuses a route (409).
      throw new MedusaError(MedusaError.Types.CONFLICT, `Order ${req.params.id} cannot be routed: ${result.skipped}`)
    }
    res.json({ decision: presentDecision(result.decision) })
  })

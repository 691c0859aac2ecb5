import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminRoutingDecisionResponse } from "../../../../../../types/routing"
import { routeOrderWorkflow } from "../../../../../../workflows/routing/workflows/route-order"
import { presentDecision } from "../../helpers"

/** POST /admin/oms/orders/:id/route: route the order again on today's stock and rules. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRoutingDecisionResponse>) => {
  const { result } = await routeOrderWorkflow(req.scope).run({
    input: { order_id: req.params.id, force: true, actor: req.auth_context.actor_id },
  })
  if (result.skipped === "order not found") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  if (!result.decision) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${req.params.id} cannot be routed: ${result.skipped}`)
  }
  res.json({ decision: presentDecision(result.decision) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../../../modules/routing"
import type { AdminRoutingDecisionResponse } from "../../../../../../types/routing"
import { presentDecision } from "../../helpers"

/** GET /admin/oms/orders/:id/routing: the order's routing decision with its trace and history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRoutingDecisionResponse>) => {
  const routing = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE)
  const [decision] = await routing.listRoutingDecisions({ order_id: req.params.id })
  if (!decision) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} has no routing decision`)
  }
  res.json({ decision: presentDecision(decision) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { moveLinesWorkflow } from "../../../../../../workflows/routing/workflows/move-lines"
import type { AdminRoutingDecisionResponse } from "../../../../../../types/routing"
import { presentDecision } from "../../helpers"
import { AdminMoveLinesType } from "../../validators"
import { answeringConflicts } from "../../../../../utils/conflicts"

/** POST /admin/oms/orders/:id/move: move lines to another location, validated against its stock. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMoveLinesType>, res: MedusaResponse<AdminRoutingDecisionResponse>) =>
  answeringConflicts(res, async () => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [location],
    } = await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: req.validatedBody.to_location_id } })
    if (!location) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `to_location_id: stock location ${req.validatedBody.to_location_id} was not found`)
    }
    const { result } = await moveLinesWorkflow(req.scope).run({
      input: { order_id: req.params.id, ...req.validatedBody, to_location_name: location.name, actor: req.auth_context.actor_id },
    })
    res.json({ decision: presentDecision(result) })
  })

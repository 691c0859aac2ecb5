import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSimulationResponse } from "../../../../../../types/routing"
import { cancelSimulationWorkflow } from "../../../../../../workflows/routing/workflows/cancel-simulation"
import { presentSimulation } from "../../helpers"

/** POST /admin/oms/simulations/:id/cancel: the runner stops before its next batch; done stays done. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSimulationResponse>) => {
  const { result } = await cancelSimulationWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ simulation: presentSimulation(result) })
}

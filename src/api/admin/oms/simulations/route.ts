import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSimulationWorkflow, SimulationWindow } from "../../../../workflows/routing/workflows/create-simulation"
import type { AdminSimulationResponse } from "../../../../types/routing"
import { presentSimulation } from "./helpers"
import { AdminCreateSimulationType } from "./validators"

/** POST /admin/oms/simulations: queue a replay; 202 with the queued simulation, poll GET for progress. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSimulationType>, res: MedusaResponse<AdminSimulationResponse>) => {
  const body = req.validatedBody
  const window: SimulationWindow = body.last !== undefined ? { last: body.last } : { from: body.from!, to: body.to! }
  const { result } = await createSimulationWorkflow(req.scope).run({
    input: { rule_set_id: body.rule_set_id, window, created_by: req.auth_context.actor_id },
  })
  res.status(202).json({ simulation: presentSimulation(result) })
}

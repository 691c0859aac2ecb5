import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSimulationResponse } from "../../../../../types/routing"
import { getSimulationOr404, presentSimulation } from "../helpers"

/**
 * GET /admin/oms/simulations/:id: status and progress; once the run has ended (done, canceled,
 * failed) also its rows and totals (see presentSimulation).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSimulationResponse>) => {
  res.json({ simulation: presentSimulation(await getSimulationOr404(req.scope, req.params.id)) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getSimulationOr404 } from "../helpers"

/** GET /admin/oms/simulations/:id: status, progress, and once done the rows and totals. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ simulation: await getSimulationOr404(req.scope, req.params.id) })
}

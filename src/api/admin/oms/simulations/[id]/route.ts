import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getSimulationOr404 } from "../helpers"

/**
 * GET /admin/oms/simulations/:id: status and progress; once the run has ended (done, canceled,
 * failed) also its rows and totals. While it runs the rows are left out (`rows: null`): the
 * page polls every second, and a large window's rows would be megabytes per poll.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const simulation = await getSimulationOr404(req.scope, req.params.id)
  const running = simulation.status === "queued" || simulation.status === "running"
  res.json({ simulation: running ? { ...simulation, rows: null } : simulation })
}

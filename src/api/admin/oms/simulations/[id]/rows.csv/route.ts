import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseSimulationRows } from "../../../../../../lib/routing/stored"
import { simulationRowsCsv } from "../../../../../../lib/routing/simulation-csv"
import { getSimulationOr404 } from "../../helpers"

/**
 * GET /admin/oms/simulations/:id/rows.csv: one line per replayed order (locations separated by
 * spaces). Display ids come from one order query; an order deleted since has none.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const simulation = await getSimulationOr404(req.scope, req.params.id)
  const rows = parseSimulationRows(simulation.rows, simulation.id)
  const displayId = new Map<string, number>()
  if (rows.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: [...new Set(rows.map((r) => r.order_id))] },
    })
    for (const o of orders as { id: string; display_id: number }[]) displayId.set(o.id, o.display_id)
  }
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${simulation.id}.csv"`)
  res.status(200).send(simulationRowsCsv(rows, (orderId) => displayId.get(orderId)))
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SimulationRow } from "../../../../../../workflows/routing/workflows/run-simulation-batch"
import { getSimulationOr404 } from "../../helpers"

const HEADER = [
  "order_id",
  "display_id",
  "live_locations",
  "draft_locations",
  "live_shipments",
  "draft_shipments",
  "live_km",
  "draft_km",
  "live_unallocated",
  "draft_unallocated",
  "changed",
]

/** A CSV cell: quoted when it holds a comma, quote or line break. */
function cell(value: unknown) {
  const text = String(value ?? "")
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * GET /admin/oms/simulations/:id/rows.csv: one line per replayed order (locations separated by
 * spaces). Display ids come from one order query; an order deleted since has none.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const simulation = await getSimulationOr404(req.scope, req.params.id)
  const rows = (simulation.rows as unknown as SimulationRow[] | null) ?? []
  const displayId = new Map<string, unknown>()
  if (rows.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: [...new Set(rows.map((r) => r.order_id))] },
    })
    for (const o of orders as { id: string; display_id?: unknown }[]) displayId.set(o.id, o.display_id)
  }
  const lines = [HEADER.join(",")]
  for (const r of rows) {
    lines.push(
      [
        r.order_id,
        displayId.get(r.order_id) ?? "",
        r.live.locations.join(" "),
        r.draft.locations.join(" "),
        r.live.shipments,
        r.draft.shipments,
        r.live.km,
        r.draft.km,
        r.live.unallocated_units,
        r.draft.unallocated_units,
        r.changed,
      ]
        .map(cell)
        .join(",")
    )
  }
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${simulation.id}.csv"`)
  res.status(200).send(lines.join("\n") + "\n")
}

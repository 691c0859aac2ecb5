import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseReplaySide } from "../../../../../../lib/routing/stored"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../../../modules/routing"
import type { AdminShadowResultsResponse } from "../../../../../../types/routing"
import { getRuleSetOr404 } from "../../helpers"
import type { AdminShadowResultsQueryType } from "../../validators"

/**
 * GET /admin/oms/rule-sets/:id/shadow-results: the orders planned in shadow, newest first,
 * with what the draft would have done differently; `disagreements_only=true` for the evidence.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminShadowResultsResponse>) => {
  const { disagreements_only, limit, offset } = req.validatedQuery as AdminShadowResultsQueryType
  const set = await getRuleSetOr404(req.scope, req.params.id)
  const routing = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE)
  const filters = { rule_set_id: set.id, ...(disagreements_only === "true" ? { agrees: false } : {}) }
  // Stats before rows: shadow rows keep arriving while this runs, and a reader who waits for
  // `planned` to reach N must then find those N orders in the rows (never the other way round).
  const { [set.id]: stats } = await routing.shadowStats([set.id])
  const [rows, count] = await routing.listAndCountShadowResults(filters, {
    order: { updated_at: "DESC", id: "DESC" },
    skip: offset,
    take: limit,
  })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = rows.length
    ? await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: rows.map((r) => r.order_id) } })
    : { data: [] as { id: string; display_id: number }[] }
  const displayIds = new Map(orders.map((o: any) => [o.id, o.display_id]))

  res.json({
    results: rows.map((r) => ({
      order_id: r.order_id,
      display_id: displayIds.get(r.order_id) ?? null,
      decision_id: r.decision_id,
      agrees: r.agrees,
      live: parseReplaySide(r.live, "live", r.id),
      shadow: parseReplaySide(r.shadow, "shadow", r.id),
      changes: r.changes,
      created_at: r.created_at,
      updated_at: r.updated_at,
    })),
    count,
    limit,
    offset,
    planned: stats.planned,
    disagreements: stats.disagreements,
  })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../../modules/routing"
import type { AdminPageQueryType } from "../../../../utils/paging"
import type { AdminRoutingQueueResponse } from "../../../../../types/routing"
import { WAITING_STATUSES } from "../../../../../workflows/routing/utils/waiting-for-stock"
import { presentDecision } from "../../orders/helpers"

/** GET /admin/oms/routing/queue: orders held, backordered or partly routed, oldest first, a page at a time. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRoutingQueueResponse>) => {
  const { limit, offset } = req.validatedQuery as AdminPageQueryType
  const routing = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE)
  const [decisions, count] = await routing.listAndCountRoutingDecisions(
    { status: [...WAITING_STATUSES] },
    { order: { created_at: "ASC", id: "ASC" }, skip: offset, take: limit }
  )
  // The order numbers people know, in one query for the whole page.
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = decisions.length
    ? await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: decisions.map((d) => d.order_id) } })
    : { data: [] as { id: string; display_id: number }[] }
  const displayId = new Map(orders.map((o: any) => [o.id, o.display_id]))
  res.json({ decisions: decisions.map((d) => ({ ...presentDecision(d), display_id: displayId.get(d.order_id) ?? null })), count, limit, offset })
}

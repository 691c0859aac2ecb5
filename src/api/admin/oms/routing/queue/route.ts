import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../../modules/routing"
import { WAITING_STATUSES } from "../../../../../workflows/routing/utils/waiting-for-stock"

/** GET /admin/oms/routing/queue: orders held, backordered or partly routed, oldest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const routing = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE)
  const [decisions, count] = await routing.listAndCountRoutingDecisions(
    { status: [...WAITING_STATUSES] },
    { order: { created_at: "ASC" }, take: 200 }
  )
  res.json({ decisions, count })
}

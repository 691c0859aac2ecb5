import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { POST as createFulfillmentCore } from "@medusajs/medusa/api/admin/orders/[id]/fulfillments/route"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../../modules/routing"
import { createPlannedFulfillmentWorkflow } from "../../../../../workflows/fulfillment/workflows/create-planned-fulfillment"

/**
 * Replaces Medusa's POST /admin/orders/:id/fulfillments (a plugin route at the same path wins;
 * Medusa's own body validation and query config still run before it). The admin's "Create
 * Fulfillment" button consumes only the reservations at the fulfilling location, and is refused
 * where the order does not hold enough reserved units, with Medusa's error types and sentences.
 * Answers `{ order }` as Medusa does. With the plugin option `routing.fulfillment: false` it is
 * Medusa's own route, unchanged.
 */
export const POST = async (req: AuthenticatedMedusaRequest<Record<string, any>>, res: MedusaResponse) => {
  const { routing } = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE).getOmsOptions()
  if (!routing.fulfillment) return createFulfillmentCore(req as any, res)

  await createPlannedFulfillmentWorkflow(req.scope).run({
    input: {
      ...(req.validatedBody as any),
      order_id: req.params.id,
      created_by: (req as any).secret_key_context?.created_by ?? req.auth_context.actor_id,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: req.queryConfig?.fields ?? ["*", "items.*", "fulfillments.*"],
    filters: { id: req.params.id },
  })
  res.status(200).json({ order })
}

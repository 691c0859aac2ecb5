import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createPlannedFulfillmentWorkflow } from "../../../../../workflows/fulfillment/workflows/create-planned-fulfillment"

/**
 * Replaces Medusa's POST /admin/orders/:id/fulfillments (a plugin route at the same path wins;
 * Medusa's own body validation and query config still run before it). The admin's "Create
 * Fulfillment" button consumes only the reservations at the fulfilling location, and is refused
 * where the order does not hold enough reserved units. Answers `{ order }` as core does.
 */
export const POST = async (req: AuthenticatedMedusaRequest<Record<string, any>>, res: MedusaResponse) => {
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

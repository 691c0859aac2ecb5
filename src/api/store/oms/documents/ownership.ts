import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * The order, when the signed-in customer placed it; otherwise the same 404 as for an order that
 * does not exist, so nobody learns which ids are real.
 */
export async function customersOrder(req: AuthenticatedMedusaRequest, orderId: string, notFound: string): Promise<{ id: string }> {
  const { data: [order] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "customer_id"],
    filters: { id: orderId },
  })
  if (!order || !req.auth_context?.actor_id || (order as { customer_id?: string }).customer_id !== req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, notFound)
  }
  return order as { id: string }
}

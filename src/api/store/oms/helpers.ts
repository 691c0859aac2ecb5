import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import { CASE_RELATIONS } from "../../../workflows/returns/utils/case-view"

/** The header a guest's token travels in (from POST /store/oms/returns/lookup). */
export const GUEST_TOKEN_HEADER = "x-oms-return-token"

/** Who is asking: a logged-in customer, a guest holding a token for one order, both or neither. */
export type StoreActor = { customer_id: string | null; guest_order_id: string | null }

export async function storeActor(req: MedusaRequest): Promise<StoreActor> {
  const auth = (req as AuthenticatedMedusaRequest).auth_context
  const customer_id = auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
  const header = req.headers[GUEST_TOKEN_HEADER]
  const token = Array.isArray(header) ? header[0] : header
  const guest = token ? await req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE).orderForGuestToken(token) : null
  return { customer_id, guest_order_id: guest?.order_id ?? null }
}

const ownsOrder = (actor: StoreActor, order: { id: string; customer_id?: string | null }) =>
  (!!actor.customer_id && order.customer_id === actor.customer_id) || (!!actor.guest_order_id && order.id === actor.guest_order_id)

/**
 * The order when the actor owns it: a customer their own orders (order.customer_id), a guest
 * the one order their token proves. Any other order answers exactly as one that does not
 * exist (404), so an order id reveals nothing.
 */
export async function ownedOrder(req: MedusaRequest, orderId: string, actor?: StoreActor) {
  const who = actor ?? (await storeActor(req))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id", "display_id", "email"], filters: { id: orderId } })
  if (!order || !ownsOrder(who, order as any)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${orderId} was not found`)
  }
  return order as { id: string; customer_id: string | null; display_id: number; email: string | null }
}

/** A case (with its lines) the actor owns through its order; otherwise 404 as if it did not exist. */
export async function ownedCase(req: MedusaRequest, caseId: string) {
  const actor = await storeActor(req)
  const returns = req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const [row] = await returns.listReturnCases({ id: caseId }, { relations: CASE_RELATIONS, take: 1 })
  if (!row || !ownsOrder(actor, { id: row.order_id, customer_id: row.customer_id })) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return with id ${caseId} was not found`)
  }
  return row
}

/** A case with the relations every view reads. */
export async function readCase(req: MedusaRequest, caseId: string) {
  const [row] = await req.scope
    .resolve<ReturnsModuleService>(RETURNS_MODULE)
    .listReturnCases({ id: caseId }, { relations: CASE_RELATIONS, take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return with id ${caseId} was not found`)
  return row
}

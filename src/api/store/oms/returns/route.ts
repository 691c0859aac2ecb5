import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RETURNS_MODULE } from "../../../../modules/returns"
import type ReturnsModuleService from "../../../../modules/returns/service"
import type { StoreReturnResponse, StoreReturnsResponse } from "../../../../types/returns"
import { CASE_RELATIONS, storeCaseView } from "../../../../workflows/returns/utils/case-view"
import { precheckReturnRequest } from "../../../../workflows/returns/utils/request-check"
import { requestReturnWorkflow } from "../../../../workflows/returns/workflows/request-return"
import { answeringConflicts } from "../../../utils/conflicts"
import { ownedOrder, readCase, storeActor } from "../helpers"
import type { StoreCreateReturnType, StoreListReturnsType } from "../validators"

/**
 * POST /store/oms/returns: the customer (or the guest whose token proves the order) asks for a
 * return. 404 for an order they do not own; 400 naming the field when the request does not fit
 * what is returnable; 409 when another return took the units while this one waited its turn.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateReturnType>, res: MedusaResponse<StoreReturnResponse>) => {
  const { order_id, ...request } = req.validatedBody as StoreCreateReturnType
  await ownedOrder(req, order_id)
  await precheckReturnRequest(req.scope, order_id, request, "store")
  await answeringConflicts(res, async () => {
    const { result } = await requestReturnWorkflow(req.scope).run({
      input: { order_id, request, source: "store", created_by: req.auth_context?.actor_id ?? null },
    })
    res.json({ return: storeCaseView(await readCase(req, result.id)) })
  })
}

/** GET /store/oms/returns: the actor's own cases (a customer's orders, a guest's one order), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreReturnsResponse>) => {
  const { limit, offset } = req.validatedQuery as StoreListReturnsType
  const actor = await storeActor(req)
  const owners: Record<string, string>[] = []
  if (actor.customer_id) owners.push({ customer_id: actor.customer_id })
  if (actor.guest_order_id) owners.push({ order_id: actor.guest_order_id })
  if (!owners.length) return res.json({ returns: [], count: 0, limit, offset })
  const [rows, count] = await req.scope
    .resolve<ReturnsModuleService>(RETURNS_MODULE)
    .listAndCountReturnCases({ $or: owners } as any, { relations: CASE_RELATIONS, take: limit, skip: offset, order: { requested_at: "DESC" } })
  res.json({ returns: rows.map((r) => storeCaseView(r)), count, limit, offset })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreApplyCreditPayload, StoreApplyCreditResponse } from "../../../../../../types/returns"
import { answeringConflicts } from "../../../../../utils/conflicts"
import { applyCartStoreCreditWorkflow } from "../../../../../../workflows/returns/workflows/apply-cart-store-credit"
import { removeCartStoreCreditWorkflow } from "../../../../../../workflows/returns/workflows/remove-cart-store-credit"

/** POST /store/oms/carts/:id/store-credit {amount?}: pay part of the customer's own cart with store credit. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreApplyCreditPayload>,
  res: MedusaResponse<StoreApplyCreditResponse>
) => {
  await answeringConflicts(res, async () => {
    const { result } = await applyCartStoreCreditWorkflow(req.scope).run({
      input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, amount: req.validatedBody.amount },
    })
    res.json(result)
  })
}

/** DELETE /store/oms/carts/:id/store-credit: take the store credit off the cart (the balance comes back). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreApplyCreditResponse>) => {
  await answeringConflicts(res, async () => {
    const { result } = await removeCartStoreCreditWorkflow(req.scope).run({
      input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id },
    })
    res.json(result)
  })
}

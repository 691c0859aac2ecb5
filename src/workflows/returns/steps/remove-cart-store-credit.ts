import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { removeCartStoreCredit } from "../utils/cart-store-credit"

export const removeCartStoreCreditStepId = "oms-remove-cart-store-credit"

export type RemoveCartStoreCreditInput = { cart_id: string; customer_id: string }

/** Removes the cart's store credit line and writes the release, under the customer's store-credit lock. */
export const removeCartStoreCreditStep = createStep(removeCartStoreCreditStepId, async (input: RemoveCartStoreCreditInput, { container }) => {
  return new StepResponse(await removeCartStoreCredit(container, input))
})

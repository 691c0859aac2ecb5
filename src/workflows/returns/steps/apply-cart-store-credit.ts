import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { applyCartStoreCredit } from "../utils/cart-store-credit"

export const applyCartStoreCreditStepId = "oms-apply-cart-store-credit"

export type ApplyCartStoreCreditInput = { cart_id: string; customer_id: string; amount?: number }

/** Debits the ledger once and adds the cart credit line, under the customer's store-credit lock. */
export const applyCartStoreCreditStep = createStep(applyCartStoreCreditStepId, async (input: ApplyCartStoreCreditInput, { container }) => {
  return new StepResponse(await applyCartStoreCredit(container, input))
})

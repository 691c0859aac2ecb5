import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RemoveCartStoreCreditInput, removeCartStoreCreditStep } from "../steps/remove-cart-store-credit"

export const removeCartStoreCreditWorkflowId = "oms-remove-cart-store-credit-workflow"

/** DELETE /store/oms/carts/:id/store-credit: give back a customer's store credit on their cart. */
export const removeCartStoreCreditWorkflow = createWorkflow(removeCartStoreCreditWorkflowId, (input: RemoveCartStoreCreditInput) => {
  return new WorkflowResponse(removeCartStoreCreditStep(input))
})

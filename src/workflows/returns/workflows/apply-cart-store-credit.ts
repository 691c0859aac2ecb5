import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ApplyCartStoreCreditInput, applyCartStoreCreditStep } from "../steps/apply-cart-store-credit"

export const applyCartStoreCreditWorkflowId = "oms-apply-cart-store-credit-workflow"

/** POST /store/oms/carts/:id/store-credit: spend a customer's store credit on their cart. */
export const applyCartStoreCreditWorkflow = createWorkflow(applyCartStoreCreditWorkflowId, (input: ApplyCartStoreCreditInput) => {
  return new WorkflowResponse(applyCartStoreCreditStep(input))
})

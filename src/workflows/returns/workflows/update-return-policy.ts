import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateReturnPolicyStep, type UpdateReturnPolicyInput } from "../steps/update-return-policy"

export const updateReturnPolicyWorkflowId = "oms-update-return-policy-workflow"

/**
 * Changes a return policy. Cases already requested keep the terms frozen on them; the change
 * applies to the next eligibility answer.
 */
export const updateReturnPolicyWorkflow = createWorkflow(updateReturnPolicyWorkflowId, (input: UpdateReturnPolicyInput) => {
  return new WorkflowResponse(updateReturnPolicyStep(input))
})

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createReturnPolicyStep, type CreateReturnPolicyInput } from "../steps/create-return-policy"

export const createReturnPolicyWorkflowId = "oms-create-return-policy-workflow"

/** A new return policy for a market (the admin's policy editor). */
export const createReturnPolicyWorkflow = createWorkflow(createReturnPolicyWorkflowId, (input: CreateReturnPolicyInput) => {
  return new WorkflowResponse(createReturnPolicyStep(input))
})

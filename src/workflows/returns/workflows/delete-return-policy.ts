import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteReturnPolicyStep } from "../steps/delete-return-policy"

export const deleteReturnPolicyWorkflowId = "oms-delete-return-policy-workflow"

/** Removes a return policy; orders of its market fall to the next matching policy. */
export const deleteReturnPolicyWorkflow = createWorkflow(deleteReturnPolicyWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteReturnPolicyStep(input))
})

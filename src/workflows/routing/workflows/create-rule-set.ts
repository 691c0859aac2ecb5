import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRuleSetStep, RuleSetDraftInput } from "../steps/create-rule-set"

export const createRuleSetWorkflowId = "oms-create-rule-set-workflow"

/** A new draft version; its version number is the next one for its name. */
export const createRuleSetWorkflow = createWorkflow(createRuleSetWorkflowId, (input: RuleSetDraftInput) => {
  return new WorkflowResponse(createRuleSetStep(input))
})

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RuleSetDraftInput } from "../steps/create-rule-set"
import { updateDraftRuleSetStep } from "../steps/update-draft-rule-set"

export const updateRuleSetWorkflowId = "oms-update-rule-set-workflow"

/** Changes a draft's rules, sales channel or shadow flag (only drafts change). */
export const updateRuleSetWorkflow = createWorkflow(
  updateRuleSetWorkflowId,
  (input: {
    id: string
    definition?: RuleSetDraftInput["definition"]
    sales_channel_id?: string | null
    /** Plan every new order with this draft too, and count where it disagrees. */
    shadow?: boolean
    /** The admin user making the change, for the history. */
    actor?: string | null
  }) => {
    return new WorkflowResponse(updateDraftRuleSetStep(input))
  }
)

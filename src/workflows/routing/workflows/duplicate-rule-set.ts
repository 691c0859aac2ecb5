import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRuleSetStep, RuleSetDraftInput } from "../steps/create-rule-set"
import { getRuleSetStep } from "../steps/get-rule-set"
import { parseRuleSetDefinition } from "../../../lib/routing/stored"

export const duplicateRuleSetWorkflowId = "oms-duplicate-rule-set-workflow"

/** A new draft with the same rules as an existing version (the way to change an active one). */
export const duplicateRuleSetWorkflow = createWorkflow(
  duplicateRuleSetWorkflowId,
  (input: { id: string; created_by?: string | null }) => {
    const source = getRuleSetStep({ id: input.id })
    const draft = transform({ source, input }, ({ source, input }) => ({
      name: source.name,
      sales_channel_id: source.sales_channel_id,
      definition: parseRuleSetDefinition(source.definition, source.id),
      created_by: input.created_by ?? null,
      summary: `Duplicated from "${source.name}" v${source.version}`,
    }))
    return new WorkflowResponse(createRuleSetStep(draft))
  }
)

import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { activateRuleSetStep } from "../steps/activate-rule-set"
import { ruleSetScopeLockKey } from "../../../lib/locks"

export const activateRuleSetWorkflowId = "oms-activate-rule-set-workflow"

/** Makes a version the active one of its scope, archiving the one it replaces, under the scope's lock. */
export const activateRuleSetWorkflow = createWorkflow(
  activateRuleSetWorkflowId,
  (input: { id: string; sales_channel_id: string | null; actor?: string | null }) => {
    const key = transform({ input }, ({ input }) => ruleSetScopeLockKey(input.sales_channel_id))
    acquireLockStep({ key, timeout: 10, ttl: 30 })
    const activated = activateRuleSetStep({ id: input.id, actor: input.actor })
    releaseLockStep({ key })
    return new WorkflowResponse(activated)
  }
)

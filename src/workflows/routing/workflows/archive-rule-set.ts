import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { archiveRuleSetStep } from "../steps/archive-rule-set"
import { ruleSetScopeLockKey } from "../../../lib/locks"

export const archiveRuleSetWorkflowId = "oms-archive-rule-set-workflow"

/** Retires a version under its scope's lock (so it cannot race an activation there). */
export const archiveRuleSetWorkflow = createWorkflow(
  archiveRuleSetWorkflowId,
  (input: { id: string; sales_channel_id: string | null; actor?: string | null }) => {
    const key = transform({ input }, ({ input }) => ruleSetScopeLockKey(input.sales_channel_id))
    acquireLockStep({ key, timeout: 10, ttl: 30 })
    const archived = archiveRuleSetStep({ id: input.id, actor: input.actor })
    releaseLockStep({ key })
    return new WorkflowResponse(archived)
  }
)

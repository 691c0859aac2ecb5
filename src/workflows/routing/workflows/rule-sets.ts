import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  activateRuleSetStep,
  archiveRuleSetStep,
  createRuleSetStep,
  getRuleSetStep,
  RuleSetDraftInput,
  updateDraftRuleSetStep,
} from "../steps/rule-set-steps"
// The lock for "which version is active": one per sales channel, and one global.
import { ruleSetScopeLockKey as scopeLock } from "../../../lib/locks"

export const createRuleSetWorkflow = createWorkflow("oms-create-rule-set", (input: RuleSetDraftInput) => {
  return new WorkflowResponse(createRuleSetStep(input))
})

export const updateRuleSetWorkflow = createWorkflow(
  "oms-update-rule-set",
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

/** A new draft with the same rules as an existing version (the way to change an active one). */
export const duplicateRuleSetWorkflow = createWorkflow(
  "oms-duplicate-rule-set",
  (input: { id: string; created_by?: string | null }) => {
    const source = getRuleSetStep({ id: input.id })
    const draft = transform({ source, input }, ({ source, input }) => ({
      name: source.name,
      sales_channel_id: source.sales_channel_id,
      definition: source.definition as unknown as RuleSetDraftInput["definition"],
      created_by: input.created_by ?? null,
      summary: `Duplicated from "${source.name}" v${source.version}`,
    }))
    return new WorkflowResponse(createRuleSetStep(draft))
  }
)

export const activateRuleSetWorkflow = createWorkflow(
  "oms-activate-rule-set",
  (input: { id: string; sales_channel_id: string | null; actor?: string | null }) => {
    const key = transform({ input }, ({ input }) => scopeLock(input.sales_channel_id))
    acquireLockStep({ key, timeout: 10, ttl: 30 })
    const activated = activateRuleSetStep({ id: input.id, actor: input.actor })
    releaseLockStep({ key })
    return new WorkflowResponse(activated)
  }
)

export const archiveRuleSetWorkflow = createWorkflow(
  "oms-archive-rule-set",
  (input: { id: string; sales_channel_id: string | null; actor?: string | null }) => {
    const key = transform({ input }, ({ input }) => scopeLock(input.sales_channel_id))
    acquireLockStep({ key, timeout: 10, ttl: 30 })
    const archived = archiveRuleSetStep({ id: input.id, actor: input.actor })
    releaseLockStep({ key })
    return new WorkflowResponse(archived)
  }
)

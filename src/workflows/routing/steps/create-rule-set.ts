import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RuleSet as Definition } from "../../../lib/routing"
import { ruleSetService, withEntry } from "../utils/rule-sets"

export const createRuleSetStepId = "oms-create-rule-set"

export type RuleSetDraftInput = {
  name: string
  sales_channel_id?: string | null
  definition: Definition
  created_by?: string | null
  /** What the history says about its creation; "Created" unless given. */
  summary?: string
}

/** Creates a draft; the version is the next one for that name. Deleted again on failure. */
export const createRuleSetStep = createStep(
  createRuleSetStepId,
  async (input: RuleSetDraftInput, { container }) => {
    const routing = ruleSetService(container)
    const sameName = await routing.listRuleSets({ name: input.name }, { select: ["version"], withDeleted: true })
    const version = sameName.reduce((max, s) => Math.max(max, s.version), 0) + 1
    const created = await routing.createRuleSets({
      name: input.name,
      version,
      status: "draft",
      sales_channel_id: input.sales_channel_id ?? null,
      definition: input.definition as unknown as Record<string, unknown>,
      created_by: input.created_by ?? null,
      history: withEntry(null, { actor: input.created_by ?? null, action: "created", summary: input.summary ?? "Created" }),
    })
    return new StepResponse(created, created.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    await ruleSetService(container).deleteRuleSets(id)
  }
)

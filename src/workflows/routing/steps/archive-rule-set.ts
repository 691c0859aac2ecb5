import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ruleSetService, withEntry } from "../utils/rule-sets"

export const archiveRuleSetStepId = "oms-archive-rule-set"

/** Retires a version; routing falls back to the global rule set or the built-in default. */
export const archiveRuleSetStep = createStep(
  archiveRuleSetStepId,
  async (input: { id: string; actor?: string | null }, { container }) => {
    const routing = ruleSetService(container)
    const [target] = await routing.listRuleSets({ id: input.id })
    if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (target.status === "archived") return new StepResponse(target, null)
    const updated = await routing.updateRuleSets({
      id: target.id,
      status: "archived",
      archived_at: new Date(),
      history: withEntry(target.history, { actor: input.actor ?? null, action: "archived", summary: "Archived" }) as any,
    })
    return new StepResponse(updated, {
      id: target.id,
      status: target.status,
      archived_at: target.archived_at ?? null,
      history: target.history ?? null,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    await ruleSetService(container).updateRuleSets(previous as any)
  }
)

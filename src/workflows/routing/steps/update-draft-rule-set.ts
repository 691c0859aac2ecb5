import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RuleSet as Definition } from "../../../lib/routing"
import { ruleSetLabel, RuleSetHistoryEntry, ruleSetService, withEntry } from "../utils/rule-sets"

export const updateDraftRuleSetStepId = "oms-update-draft-rule-set"

/** Changes a draft. Active and archived versions are history: change a copy instead. */
export const updateDraftRuleSetStep = createStep(
  updateDraftRuleSetStepId,
  async (
    input: { id: string; definition?: Definition; sales_channel_id?: string | null; shadow?: boolean; actor?: string | null },
    { container }
  ) => {
    const routing = ruleSetService(container)
    const [current] = await routing.listRuleSets({ id: input.id })
    if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (current.status !== "draft") {
      // A state conflict (409): the version is history, whatever the body says.
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Rule set ${ruleSetLabel(current)} is ${current.status}; only drafts can be changed. Duplicate it to make a new draft.`
      )
    }
    const updated = await routing.updateRuleSets({
      id: input.id,
      ...(input.definition ? { definition: input.definition as unknown as Record<string, unknown> } : {}),
      ...(input.sales_channel_id !== undefined ? { sales_channel_id: input.sales_channel_id } : {}),
      ...(input.shadow !== undefined ? { shadow: input.shadow } : {}),
      history: describeEdit(current, input).reduce(
        (history, entry) => withEntry(history, { actor: input.actor ?? null, ...entry }),
        current.history as unknown
      ) as unknown as Record<string, unknown>,
    })
    return new StepResponse(updated, {
      id: current.id,
      definition: current.definition,
      sales_channel_id: current.sales_channel_id,
      shadow: current.shadow,
      history: current.history,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    await ruleSetService(container).updateRuleSets(previous as any)
  }
)

/** The history lines an edit adds: rules, sales channel, shadow on/off (only what really changed). */
function describeEdit(
  current: { definition: unknown; sales_channel_id: string | null; shadow: boolean },
  input: { definition?: Definition; sales_channel_id?: string | null; shadow?: boolean }
): Omit<RuleSetHistoryEntry, "at" | "actor">[] {
  const lines: Omit<RuleSetHistoryEntry, "at" | "actor">[] = []
  if (input.definition && JSON.stringify(input.definition) !== JSON.stringify(current.definition)) {
    const rules = input.definition.rules.length
    const split = input.definition.split
    const splitText =
      split.type === "max_shipments" ? `at most ${split.max} shipments` : split.type === "min_shipment_value" ? `shipments worth at least ${split.min_value}` : split.type
    lines.push({
      action: "edited",
      summary: `Rules edited (${rules} rule${rules === 1 ? "" : "s"}, split ${splitText}, partial ${input.definition.partial})`,
    })
  }
  if (input.sales_channel_id !== undefined && input.sales_channel_id !== current.sales_channel_id) {
    lines.push({ action: "edited", summary: input.sales_channel_id ? `Sales channel set to ${input.sales_channel_id}` : "Made global (every sales channel)" })
  }
  if (input.shadow !== undefined && input.shadow !== current.shadow) {
    lines.push(input.shadow ? { action: "shadow_on", summary: "Shadow mode on" } : { action: "shadow_off", summary: "Shadow mode off" })
  }
  return lines
}

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ruleSetLabel, ruleSetService, withEntry } from "../utils/rule-sets"

export const activateRuleSetStepId = "oms-activate-rule-set"

type StatusSnapshot = {
  id: string
  status: "draft" | "active" | "archived"
  activated_at: Date | null
  archived_at: Date | null
  history: unknown
}

/**
 * Makes a version the active one for its scope (its sales channel, or global), archiving the
 * version it replaces. Run under a lock on the scope; undone by restoring both statuses.
 */
export const activateRuleSetStep = createStep(
  activateRuleSetStepId,
  async (input: { id: string; actor?: string | null }, { container }) => {
    const routing = ruleSetService(container)
    const [target] = await routing.listRuleSets({ id: input.id })
    if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
    if (target.status === "active") return new StepResponse(target, [] as StatusSnapshot[])
    if (target.status === "archived") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Rule set ${ruleSetLabel(target)} is archived; it cannot be activated again. Duplicate it to make a new draft.`
      )
    }
    const actor = input.actor ?? null
    const current = await routing.listRuleSets({ status: "active", sales_channel_id: target.sales_channel_id ?? null })
    const snapshots: StatusSnapshot[] = [target, ...current].map((s) => ({
      id: s.id,
      status: s.status,
      activated_at: s.activated_at ?? null,
      archived_at: s.archived_at ?? null,
      history: s.history ?? null,
    }))
    const now = new Date()
    if (current.length) {
      await routing.updateRuleSets(
        current.map((s) => ({
          id: s.id,
          status: "archived" as const,
          archived_at: now,
          history: withEntry(s.history, { actor, action: "archived", summary: `Replaced by ${ruleSetLabel(target)}` }) as any,
        }))
      )
    }
    const activated = await routing.updateRuleSets({
      id: target.id,
      status: "active",
      activated_at: now,
      archived_at: null,
      history: withEntry(target.history, {
        actor,
        action: "activated",
        summary: current.length ? `Activated, replacing ${current.map(ruleSetLabel).join(", ")}` : "Activated",
      }) as any,
    })
    return new StepResponse(activated, snapshots)
  },
  async (snapshots: StatusSnapshot[] | undefined, { container }) => {
    if (!snapshots?.length) return
    const routing = ruleSetService(container)
    // The target first leaves "active", so the unique index never sees two active versions.
    const [target, ...others] = snapshots
    await routing.updateRuleSets({ ...target } as any)
    if (others.length) await routing.updateRuleSets(others.map((s) => ({ ...s })) as any)
  }
)

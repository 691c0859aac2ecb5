import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { describeChange } from "../../../lib/routing/simulate"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { parseRuleSetDefinition, parseStoredPlan } from "../../../lib/routing/stored"
import { replayStoredPlan } from "../utils/stored-plan"

type Written = { created: string[]; updated: Record<string, unknown>[] }

export const shadowPlanStepId = "oms-shadow-plan"

/**
 * Plans the order with every draft rule set in shadow (on the same input the live decision
 * saw) and records agree / disagree, one row per (rule set, order): a repeated event updates
 * the row, so an order is counted once. Drafts for another sales channel are left out.
 * Runs under a per-order shadow lock (see the workflow). Undo restores the rows it replaced.
 */
export const shadowPlanStep = createStep(
  shadowPlanStepId,
  async (input: { order_id: string }, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const shadows = await routing.listRuleSets({ status: "draft", shadow: true })
    const [decision] = shadows.length
      ? await routing.listRoutingDecisions({ order_id: input.order_id }, { select: ["id", "status", "plan"] })
      : []
    const plan = decision ? parseStoredPlan(decision.plan, decision.id) : null
    if (!decision || !plan || decision.status === "canceled" || !plan.input) {
      return new StepResponse({ planned: 0 }, { created: [], updated: [] } as Written)
    }
    const channel = plan.input.facts.sales_channel_id ?? null
    const applicable = shadows.filter((s) => !s.sales_channel_id || s.sales_channel_id === channel)
    if (!applicable.length) return new StepResponse({ planned: 0 }, { created: [], updated: [] } as Written)

    const names = Object.fromEntries(plan.input.candidates.map((c) => [c.id, c.name]))
    const rows = applicable.map((set) => {
      const comparison = replayStoredPlan(plan, parseRuleSetDefinition(set.definition, set.id))!
      return {
        rule_set_id: set.id,
        order_id: input.order_id,
        decision_id: decision.id,
        agrees: !comparison.changed,
        live: comparison.live as unknown as Record<string, unknown>,
        shadow: comparison.draft as unknown as Record<string, unknown>,
        changes: describeChange(comparison, names),
      }
    })

    const existing = await routing.listShadowResults({
      order_id: input.order_id,
      rule_set_id: applicable.map((s) => s.id),
    })
    const byRuleSet = new Map(existing.map((r) => [r.rule_set_id, r]))
    const toCreate = rows.filter((r) => !byRuleSet.has(r.rule_set_id))
    const toUpdate = rows.filter((r) => byRuleSet.has(r.rule_set_id)).map((r) => ({ ...r, id: byRuleSet.get(r.rule_set_id)!.id }))
    const created = toCreate.length ? await routing.createShadowResults(toCreate) : []
    if (toUpdate.length) await routing.updateShadowResults(toUpdate)
    const previous = existing
      .filter((r) => toUpdate.some((u) => u.id === r.id))
      .map(({ id, decision_id, agrees, live, shadow, changes }) => ({ id, decision_id, agrees, live, shadow, changes }))
    return new StepResponse({ planned: rows.length }, { created: created.map((r) => r.id), updated: previous } as Written)
  },
  async (written: Written | undefined, { container }) => {
    if (!written) return
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    if (written.created.length) await routing.deleteShadowResults(written.created)
    if (written.updated.length) await routing.updateShadowResults(written.updated as any)
  }
)

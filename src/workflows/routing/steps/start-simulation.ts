import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import type { RuleSet } from "../../../lib/routing"
import { parseRuleSetDefinition, parseSimulationWindow } from "../../../lib/routing/stored"
import { withSimulationLock } from "../utils/simulation-lock"

export const startSimulationStepId = "oms-start-simulation"

/** The decisions a simulation reads, fixed when it starts so later orders do not shift it. */
export type ResolvedWindow = {
  filters: Record<string, unknown>
  order: "ASC" | "DESC"
  total: number
}

export type SimulationStart =
  | { started: false }
  | { started: true; definition: RuleSet; window: ResolvedWindow }

/** A date without a time means the whole day: `to` runs to its last millisecond. */
function endOf(to: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to
}

/**
 * Moves a queued simulation to running and counts the decisions in its window. A simulation
 * that is no longer queued (canceled before it started, or a duplicate event) is left alone.
 */
export const startSimulationStep = createStep(
  startSimulationStepId,
  async (input: { id: string }, { container }): Promise<StepResponse<SimulationStart>> => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const [simulation] = await routing.listSimulations({ id: input.id })
    if (!simulation || simulation.status !== "queued") return new StepResponse({ started: false })
    const [ruleSet] = await routing.listRuleSets({ id: simulation.rule_set_id })
    if (!ruleSet) {
      await routing.updateSimulations({ id: simulation.id, status: "failed", error: `Rule set ${simulation.rule_set_id} no longer exists` })
      return new StepResponse({ started: false })
    }

    const window = parseSimulationWindow(simulation.window, simulation.id)
    let resolved: ResolvedWindow
    if ("last" in window) {
      const filters = { created_at: { $lte: new Date().toISOString() } }
      const [, count] = await routing.listAndCountRoutingDecisions(filters, { select: ["id"], take: 1 })
      resolved = { filters, order: "DESC", total: Math.min(window.last, count) }
    } else {
      const filters = { created_at: { $gte: window.from, $lte: endOf(window.to) } }
      const [, count] = await routing.listAndCountRoutingDecisions(filters, { select: ["id"], take: 1 })
      resolved = { filters, order: "ASC", total: count }
    }
    const started = await withSimulationLock(container, simulation.id, async () => {
      const [now] = await routing.listSimulations({ id: simulation.id }, { select: ["id", "status"] })
      if (now?.status !== "queued") return false // canceled meanwhile
      await routing.updateSimulations({
        id: simulation.id,
        status: "running",
        progress: { done: 0, total: resolved.total, skipped: 0 },
        rows: [] as unknown as Record<string, unknown>,
      })
      return true
    })
    if (!started) return new StepResponse({ started: false })
    return new StepResponse({ started: true, definition: parseRuleSetDefinition(ruleSet.definition, ruleSet.id), window: resolved })
  }
)

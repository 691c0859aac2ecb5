import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { RuleSet } from "../../../lib/routing"
import { summarise } from "../../../lib/routing/simulate"
import { parseSimulationProgress, parseSimulationRows, parseStoredPlan, type SimulationRow } from "../../../lib/routing/stored"
import { replayStoredPlan } from "../utils/stored-plan"
import { withSimulationLock } from "../utils/simulation-lock"
import type { ResolvedWindow } from "./start-simulation"

export const simulationBatchStepId = "oms-simulation-batch"

export const SIMULATION_BATCH_SIZE = 100

export type { SimulationRow }

export type SimulationBatchInput = {
  id: string
  /** Decisions of the window already read. */
  offset: number
  definition: RuleSet
  window: ResolvedWindow
}

export type SimulationBatchResult = { stop: boolean; offset: number }

/**
 * Replays the next batch of decisions (one query) through the draft rule set on the stock each
 * order saw, appends the rows and the progress, and finishes the simulation after the last
 * batch. A canceled simulation is left as it is. Nothing to undo: a failed batch fails the run.
 */
export const simulationBatchStep = createStep(
  simulationBatchStepId,
  async (input: SimulationBatchInput, { container }): Promise<StepResponse<SimulationBatchResult>> => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const [simulation] = await routing.listSimulations({ id: input.id })
    if (!simulation || simulation.status !== "running") return new StepResponse({ stop: true, offset: input.offset })

    const { window } = input
    const take = Math.min(SIMULATION_BATCH_SIZE, window.total - input.offset)
    const decisions =
      take > 0
        ? await routing.listRoutingDecisions(window.filters, {
            select: ["id", "order_id", "rule_set", "plan", "created_at"],
            order: { created_at: window.order, id: window.order },
            skip: input.offset,
            take,
          })
        : []

    const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: routing.getOmsOptions().timezone })
    let { skipped } = parseSimulationProgress(simulation.progress, simulation.id)
    const rows: SimulationRow[] = [...parseSimulationRows(simulation.rows, simulation.id)]
    for (const decision of decisions) {
      const plan = parseStoredPlan(decision.plan, decision.id)
      const comparison = replayStoredPlan(plan, input.definition)
      if (!comparison || !plan.input) {
        skipped++ // decided before decisions kept what the planner saw
        continue
      }
      rows.push({
        decision_id: decision.id,
        order_id: decision.order_id,
        live_rule_set: decision.rule_set,
        day: dayOf.format(new Date(decision.created_at)),
        capacity: Object.fromEntries(
          plan.input.candidates
            .filter((c) => c.daily_capacity !== null)
            .map((c) => [c.id, { limit: c.daily_capacity as number, used: c.capacity_used_today }])
        ),
        ...comparison,
      })
    }

    const offset = input.offset + decisions.length
    const last = offset >= window.total || decisions.length < take
    const written = await withSimulationLock(container, input.id, async () => {
      const [now] = await routing.listSimulations({ id: input.id }, { select: ["id", "status"] })
      if (now?.status !== "running") return false // canceled meanwhile: leave it canceled
      await routing.updateSimulations({
        id: input.id,
        rows: rows as unknown as Record<string, unknown>,
        progress: { done: offset, total: window.total, skipped },
        ...(last ? { status: "done" as const, totals: { ...summarise(rows), skipped } as unknown as Record<string, unknown> } : {}),
      })
      return true
    })
    return new StepResponse({ stop: last || !written, offset })
  }
)

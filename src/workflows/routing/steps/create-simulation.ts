import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import type { SimulationWindow } from "../../../lib/routing/stored"

export const createSimulationStepId = "oms-create-simulation"

/** Which past decisions a simulation replays: the last N, or those created in a date range. */
export type { SimulationWindow }

export type CreateSimulationInput = {
  rule_set_id: string
  window: SimulationWindow
  created_by?: string | null
}

/** Stores a queued simulation; deleted again if a later step (the event) fails. */
export const createSimulationStep = createStep(
  createSimulationStepId,
  async (input: CreateSimulationInput, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const simulation = await routing.createSimulations({
      rule_set_id: input.rule_set_id,
      window: input.window as unknown as Record<string, unknown>,
      status: "queued",
      progress: { done: 0, total: null, skipped: 0 },
      created_by: input.created_by ?? null,
    })
    return new StepResponse(simulation, simulation.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    await container.resolve<RoutingModuleService>(ROUTING_MODULE).deleteSimulations(id)
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { withSimulationLock } from "../utils/simulation-lock"

export const cancelSimulationStepId = "oms-cancel-simulation"

type Undo = { id: string; status: "queued" | "running" } | null

/**
 * Marks a queued or running simulation canceled; the runner stops before its next batch.
 * A finished (done, failed, canceled) simulation is returned as it is.
 */
export const cancelSimulationStep = createStep(
  cancelSimulationStepId,
  async (input: { id: string }, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const [exists] = await routing.listSimulations({ id: input.id }, { select: ["id"] })
    if (!exists) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Simulation with id: ${input.id} was not found`)
    return await withSimulationLock(container, input.id, async () => {
      const [simulation] = await routing.listSimulations({ id: input.id })
      if (simulation.status !== "queued" && simulation.status !== "running") {
        return new StepResponse(simulation, null as Undo)
      }
      const canceled = await routing.updateSimulations({ id: simulation.id, status: "canceled" })
      return new StepResponse(canceled, { id: simulation.id, status: simulation.status } as Undo)
    })
  },
  async (previous: Undo | undefined, { container }) => {
    if (!previous) return
    await container.resolve<RoutingModuleService>(ROUTING_MODULE).updateSimulations(previous)
  }
)

import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ROUTING_MODULE, RoutingModuleService } from "../modules/routing"
import { SimulationEvents } from "../workflows/routing/events"
import { runSimulationBatchWorkflow } from "../workflows/routing/workflows/run-simulation-batch"
import { startSimulationWorkflow } from "../workflows/routing/workflows/start-simulation"

/**
 * oms.simulation.requested -> replay the window batch by batch (100 decisions each), checking
 * for cancellation before every batch. A failure is written on the simulation, not lost.
 */
export default async function runSimulation({ event, container }: SubscriberArgs<{ id: string }>) {
  const id = event.data.id
  try {
    const { result: start } = await startSimulationWorkflow(container).run({ input: { id } })
    if (!start.started) return
    let offset = 0
    for (;;) {
      const { result } = await runSimulationBatchWorkflow(container).run({
        input: { id, offset, definition: start.definition, window: start.window },
      })
      if (result.stop) return
      offset = result.offset
    }
  } catch (e) {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    await routing.updateSimulations({ id, status: "failed", error: e instanceof Error ? e.message : String(e) })
  }
}

export const config: SubscriberConfig = {
  event: SimulationEvents.REQUESTED,
  context: { subscriberId: "oms-run-simulation" },
}

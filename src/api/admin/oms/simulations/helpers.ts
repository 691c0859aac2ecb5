import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import {
  parseSimulationProgress,
  parseSimulationRows,
  parseSimulationTotals,
  parseSimulationWindow,
} from "../../../../lib/routing/stored"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"
import type { AdminSimulation } from "../../../../types/routing"

export type SimulationRecord = Awaited<ReturnType<RoutingModuleService["listSimulations"]>>[number]

export async function getSimulationOr404(scope: MedusaContainer, id: string) {
  const [simulation] = await scope.resolve<RoutingModuleService>(ROUTING_MODULE).listSimulations({ id })
  if (!simulation) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Simulation with id: ${id} was not found`)
  return simulation
}

/**
 * A simulation as the admin API answers it, its JSON columns read by their parsers. While it is
 * queued or running the rows are left out (`rows: null`): the page polls every second, and a
 * large window's rows would be megabytes per poll. A run that never wrote rows (canceled while
 * queued) answers `rows: null` too, as the column holds.
 */
export function presentSimulation(simulation: SimulationRecord): AdminSimulation {
  const running = simulation.status === "queued" || simulation.status === "running"
  return {
    id: simulation.id,
    rule_set_id: simulation.rule_set_id,
    window: parseSimulationWindow(simulation.window, simulation.id),
    status: simulation.status,
    progress: parseSimulationProgress(simulation.progress, simulation.id),
    totals: parseSimulationTotals(simulation.totals, simulation.id),
    rows: running || simulation.rows == null ? null : parseSimulationRows(simulation.rows, simulation.id),
    error: simulation.error,
    created_by: simulation.created_by,
    created_at: simulation.created_at,
    updated_at: simulation.updated_at,
  }
}

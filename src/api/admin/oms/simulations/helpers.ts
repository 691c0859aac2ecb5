import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"

export async function getSimulationOr404(scope: MedusaContainer, id: string) {
  const [simulation] = await scope.resolve<RoutingModuleService>(ROUTING_MODULE).listSimulations({ id })
  if (!simulation) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Simulation with id: ${id} was not found`)
  return simulation
}

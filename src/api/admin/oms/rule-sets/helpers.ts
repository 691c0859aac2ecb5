import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"

export async function getRuleSetOr404(scope: MedusaContainer, id: string) {
  const [set] = await scope.resolve<RoutingModuleService>(ROUTING_MODULE).listRuleSets({ id })
  if (!set) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${id} was not found`)
  return set
}

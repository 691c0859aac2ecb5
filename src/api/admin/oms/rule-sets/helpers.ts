import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"

type StoredRuleSet = Awaited<ReturnType<RoutingModuleService["listRuleSets"]>>[number]

export async function getRuleSetOr404(scope: MedusaContainer, id: string) {
  const [set] = await scope.resolve<RoutingModuleService>(ROUTING_MODULE).listRuleSets({ id })
  if (!set) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${id} was not found`)
  return set
}

/**
 * Rule sets as the admin sees them: `shadow` only while a draft (an activated or archived
 * version no longer runs in shadow) and the shadow counts, read in one grouped query.
 */
export async function withShadowStats(scope: MedusaContainer, sets: StoredRuleSet[]) {
  const stats = await scope.resolve<RoutingModuleService>(ROUTING_MODULE).shadowStats(sets.map((s) => s.id))
  return sets.map((set) => ({
    ...set,
    shadow: set.status === "draft" && !!set.shadow,
    shadow_stats: stats[set.id] ?? { planned: 0, disagreements: 0 },
  }))
}

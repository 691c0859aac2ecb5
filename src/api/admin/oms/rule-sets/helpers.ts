import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { parseRuleSetDefinition, parseRuleSetHistory } from "../../../../lib/routing/stored"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"
import type { AdminRuleSet } from "../../../../types/routing"

type StoredRuleSet = Awaited<ReturnType<RoutingModuleService["listRuleSets"]>>[number]

export async function getRuleSetOr404(scope: MedusaContainer, id: string) {
  const [set] = await scope.resolve<RoutingModuleService>(ROUTING_MODULE).listRuleSets({ id })
  if (!set) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${id} was not found`)
  return set
}

/**
 * Rule sets as the admin sees them: `shadow` only while a draft (an activated or archived
 * version no longer runs in shadow), the shadow counts (one grouped query), and who did what
 * with the people's e-mail addresses (one query for all the users named).
 */
export async function presentRuleSets(scope: MedusaContainer, sets: StoredRuleSet[]): Promise<AdminRuleSet[]> {
  const stats = await scope.resolve<RoutingModuleService>(ROUTING_MODULE).shadowStats(sets.map((s) => s.id))
  const entries = new Map(sets.map((set) => [set.id, parseRuleSetHistory(set.history, set.id).entries]))
  const actorIds = new Set<string>()
  for (const set of sets) {
    if (set.created_by) actorIds.add(set.created_by)
    for (const e of entries.get(set.id)!) if (e.actor) actorIds.add(e.actor)
  }
  const users = actorIds.size
    ? await scope.resolve(Modules.USER).listUsers({ id: [...actorIds] }, { select: ["id", "email"] })
    : []
  const email = new Map(users.map((u: { id: string; email: string }) => [u.id, u.email]))
  return sets.map((set) => ({
    id: set.id,
    name: set.name,
    version: set.version,
    status: set.status,
    sales_channel_id: set.sales_channel_id,
    definition: parseRuleSetDefinition(set.definition, set.id),
    created_by: set.created_by,
    activated_at: set.activated_at,
    archived_at: set.archived_at,
    created_at: set.created_at,
    updated_at: set.updated_at,
    shadow: set.status === "draft" && !!set.shadow,
    shadow_stats: stats[set.id] ?? { planned: 0, disagreements: 0 },
    created_by_email: set.created_by ? email.get(set.created_by) ?? null : null,
    history: { entries: entries.get(set.id)!.map((e) => ({ ...e, actor_email: e.actor ? email.get(e.actor) ?? null : null })) },
  }))
}

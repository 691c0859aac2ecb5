import { withRuleSetEntry, type RuleSetHistory, type RuleSetHistoryEntry as StoredEntry } from "../../../lib/routing/stored"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"

/** What the steps write into a rule set's history. */
export type RuleSetAction = "created" | "edited" | "activated" | "archived" | "shadow_on" | "shadow_off"

/** One line the steps write: the stored entry (src/lib/routing/stored) with the actions they use. */
export type RuleSetHistoryEntry = Omit<StoredEntry, "action"> & { action: RuleSetAction }

/** The history (read by its parser) with one more entry; the stored value is never mutated. */
export function withEntry(history: unknown, entry: Omit<RuleSetHistoryEntry, "at">): RuleSetHistory {
  return withRuleSetEntry(history, entry)
}

/** A version as people name it in history lines and messages: `"Spring" v2`. */
export const ruleSetLabel = (set: { name: string; version: number }) => `"${set.name}" v${set.version}`

/** The routing module, which stores the rule-set versions. */
export const ruleSetService = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<RoutingModuleService>(ROUTING_MODULE)

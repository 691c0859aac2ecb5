import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"

/** One line of a rule set's history: who did what, when. */
export type RuleSetHistoryEntry = {
  at: string
  actor: string | null
  action: "created" | "edited" | "activated" | "archived" | "shadow_on" | "shadow_off"
  summary: string
}

type History = { entries: RuleSetHistoryEntry[] }

/** The history with one more entry (a new object: the stored one is never mutated). */
export function withEntry(history: unknown, entry: Omit<RuleSetHistoryEntry, "at">): History {
  const entries = ((history as History | null)?.entries ?? []).slice()
  entries.push({ at: new Date().toISOString(), ...entry })
  return { entries }
}

/** A version as people name it in history lines and messages: `"Spring" v2`. */
export const ruleSetLabel = (set: { name: string; version: number }) => `"${set.name}" v${set.version}`

/** The routing module, which stores the rule-set versions. */
export const ruleSetService = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<RoutingModuleService>(ROUTING_MODULE)

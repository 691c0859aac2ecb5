import { z } from "zod"
import { ruleSetSchema } from "../schema"
import type { RuleSet } from "../types"
import { entriesOf, readColumn } from "./column"

/** Who did what with a rule-set version; `actor` is a user id, null for the system. */
export type RuleSetHistoryEntry = { at: string; actor: string | null; action: string; summary: string }

/** `oms_rule_set.history`, oldest first. */
export type RuleSetHistory = { entries: RuleSetHistoryEntry[] }

const historySchema = entriesOf(
  z.looseObject({
    at: z.string(),
    actor: z.string().nullish().transform((a) => a ?? null),
    action: z.string(),
    summary: z.string().default(""),
  })
)

/** Reads a rule set's `history`; null (versions made before it was kept) reads as no entries. */
export function parseRuleSetHistory(value: unknown, ruleSetId?: string): RuleSetHistory {
  return readColumn<RuleSetHistory>("oms_rule_set.history", historySchema, value, ruleSetId)
}

/** The history with one entry more, stamped now. */
export function withRuleSetEntry(value: unknown, entry: Omit<RuleSetHistoryEntry, "at">, ruleSetId?: string): RuleSetHistory {
  return { entries: [...parseRuleSetHistory(value, ruleSetId).entries, { at: new Date().toISOString(), ...entry }] }
}

/**
 * Reads a rule set's `definition` with the schema the API validates it with (every stored
 * definition went through it), so the planner never runs on a shape it does not know.
 */
export function parseRuleSetDefinition(value: unknown, ruleSetId?: string): RuleSet {
  return readColumn<RuleSet>("oms_rule_set.definition", ruleSetSchema, value, ruleSetId)
}

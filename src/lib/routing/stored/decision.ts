import { z } from "zod"
import type { Trace } from "../types"
import { entriesOf, readColumn } from "./column"

/** One change to a decision: routed, re-routed, rejected, moved, canceled. `actor` is a user id or "system". */
export type DecisionHistoryEntry = { at: string; action: string; actor: string; summary: string }

/** `oms_routing_decision.history`, oldest first. */
export type DecisionHistory = { entries: DecisionHistoryEntry[] }

const historySchema = entriesOf(
  z.looseObject({
    at: z.string(),
    action: z.string(),
    // Rows written before actors were recorded have none: they were the system's.
    actor: z.string().nullish().transform((a) => a ?? "system"),
    summary: z.string().default(""),
  })
)

/** Reads a decision's `history`; null reads as no entries, a wrong shape throws StoredJsonError. */
export function parseDecisionHistory(value: unknown, decisionId?: string): DecisionHistory {
  return readColumn<DecisionHistory>("oms_routing_decision.history", historySchema, value, decisionId)
}

/** The history with one entry more (the stored value is not changed). */
export function withDecisionEntry(value: unknown, entry: DecisionHistoryEntry, decisionId?: string): DecisionHistory {
  return { entries: [...parseDecisionHistory(value, decisionId).entries, entry] }
}

/** `trace.placement` and a simulation row's `placement`: how the destination was placed. */
export const placementSchema = z
  .looseObject({
    by: z.enum(["point", "postal_code", "city", "province", "country"]),
    unmatched: z.array(z.enum(["postal_code", "city", "province"])).optional(),
  })
  .nullable()

const traceSchema = z.looseObject({
  steps: z
    .array(
      z.looseObject({
        rule: z.string(),
        kind: z.enum(["filter", "rank"]),
        applied: z.boolean().default(true),
        sentence: z.string(),
        removed: z.array(z.looseObject({ location_id: z.string(), because: z.string() })).optional(),
      })
    )
    .default([]),
  decided_by: z.string().nullable().default(null),
  decision: z.string().default(""),
  method: z.enum(["exact", "heuristic"]),
  search_nodes: z.number().default(0),
  notes: z.array(z.string()).default([]),
  // Decisions made before placements were stored read as unknown (null), not as a guess.
  placement: placementSchema.default(null),
})

/** Reads a decision's `trace` (the planner's Trace); a wrong shape throws StoredJsonError. */
export function parseStoredTrace(value: unknown, decisionId?: string): Trace {
  return readColumn<Trace>("oms_routing_decision.trace", traceSchema, value, decisionId)
}

import { z } from "zod"
import type { ReplayComparison, ReplayDay, ReplaySide, ReplayTotals } from "../simulate"
import { readColumn } from "./column"
import { placementSchema } from "./decision"

/** `oms_simulation.window`: the last n decisions, or those created between two ISO dates. */
export type SimulationWindow = { last: number } | { from: string; to: string }

/** `oms_simulation.progress`: decisions read so far, of how many (null until counted), and skipped ones. */
export type SimulationProgress = { done: number; total: number | null; skipped: number }

/** One replayed order in `oms_simulation.rows`. */
export type SimulationRow = ReplayComparison &
  /** Rows written before daily capacity was replayed have no day. */
  Partial<ReplayDay> & {
    decision_id: string
    order_id: string
    /** The rule set that made the live decision, e.g. "default" or "Spring v2". */
    live_rule_set: string
  }

/** `oms_simulation.totals`: the rows summed up, and how many decisions could not be replayed. */
export type SimulationTotals = ReplayTotals & { skipped: number }

export const replaySideSchema = z.looseObject({
  locations: z.array(z.string()),
  shipments: z.number(),
  km: z.number(),
  unallocated_units: z.number(),
})

const windowSchema = z.union([
  z.looseObject({ last: z.number() }),
  z.looseObject({ from: z.string(), to: z.string() }),
])

const progressSchema = z
  .looseObject({
    done: z.number().default(0),
    total: z.number().nullable().default(null),
    skipped: z.number().default(0),
  })
  .nullish()
  .transform((p) => p ?? { done: 0, total: null, skipped: 0 })

const rowSchema = z.looseObject({
  decision_id: z.string(),
  order_id: z.string(),
  live_rule_set: z.string().default("default"),
  live: replaySideSchema,
  draft: replaySideSchema,
  changed: z.boolean(),
  // Rows written before daily capacity was replayed have no day; they count no breaches.
  day: z.string().optional(),
  capacity: z.record(z.string(), z.looseObject({ limit: z.number(), used: z.number() })).optional(),
  // Rows replayed before placements were kept have none.
  placement: placementSchema.optional(),
})

const sideTotalsSchema = z.looseObject({
  orders: z.number(),
  shipments: z.number(),
  split_orders: z.number(),
  split_rate: z.number(),
  km: z.number(),
  unallocated_units: z.number(),
  load: z.record(z.string(), z.number()),
  capacity_breaches: z.number().default(0),
})

const totalsSchema = z
  .looseObject({
    orders: z.number(),
    changed: z.number(),
    skipped: z.number().default(0),
    live: sideTotalsSchema,
    draft: sideTotalsSchema,
    delta: sideTotalsSchema.omit({ orders: true }),
  })
  .nullable()

export function parseSimulationWindow(value: unknown, simulationId?: string): SimulationWindow {
  return readColumn<SimulationWindow>("oms_simulation.window", windowSchema, value, simulationId)
}

export function parseSimulationProgress(value: unknown, simulationId?: string): SimulationProgress {
  return readColumn<SimulationProgress>("oms_simulation.progress", progressSchema, value, simulationId)
}

/** Reads `rows`; null (a run that has not written any yet) reads as none. */
export function parseSimulationRows(value: unknown, simulationId?: string): SimulationRow[] {
  return readColumn<SimulationRow[]>(
    "oms_simulation.rows",
    z.array(rowSchema).nullish().transform((r) => r ?? []),
    value,
    simulationId
  )
}

/** Reads `totals`; null until the run is done. */
export function parseSimulationTotals(value: unknown, simulationId?: string): SimulationTotals | null {
  return readColumn<SimulationTotals | null>("oms_simulation.totals", totalsSchema.optional().transform((t) => t ?? null), value, simulationId)
}

/** Reads `oms_shadow_result.live` or `.shadow`: what one plan does for the order. */
export function parseReplaySide(value: unknown, column: "live" | "shadow", shadowResultId?: string): ReplaySide {
  return readColumn<ReplaySide>(`oms_shadow_result.${column}`, replaySideSchema, value, shadowResultId)
}

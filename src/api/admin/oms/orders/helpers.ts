import { parseDecisionHistory, parseStoredPlan, parseStoredTrace } from "../../../../lib/routing/stored"
import type { AdminRoutingDecision, RoutingMethod } from "../../../../types/routing"

/** A routing decision as stored: its JSON columns arrive untyped. */
export type DecisionRow = {
  id: string
  order_id: string
  status: AdminRoutingDecision["status"]
  method: string
  rule_set: string
  location_ids: unknown
  plan: unknown
  trace: unknown
  history: unknown
  fulfilled_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

/** A decision as the admin API answers it: plan, trace and history read by their parsers. */
export function presentDecision(row: DecisionRow): AdminRoutingDecision {
  return {
    id: row.id,
    order_id: row.order_id,
    status: row.status,
    method: row.method as RoutingMethod,
    rule_set: row.rule_set,
    location_ids: (row.location_ids as string[] | null) ?? [],
    plan: parseStoredPlan(row.plan, row.id),
    trace: parseStoredTrace(row.trace, row.id),
    history: parseDecisionHistory(row.history, row.id),
    fulfilled_at: row.fulfilled_at ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

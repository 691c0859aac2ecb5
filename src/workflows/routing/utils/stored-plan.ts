import { geocodeAddress } from "../../../lib/geo"
import { planAllocation, PlanInput, Remainder, RuleSet, Shipment } from "../../../lib/routing"
import { compareReplay, ReplayComparison } from "../../../lib/routing/simulate"

/**
 * A decision's `plan` as stored: what the planner (or a person) made, and `input`, what the
 * planner saw (absent on decisions made before it was kept).
 */
export type StoredPlan = {
  status?: string
  shipments?: Shipment[]
  unallocated?: Remainder[]
  input?: Omit<PlanInput, "rule_set"> | null
}

/**
 * Plans the order again with another rule set on what it saw when it was decided, and compares
 * that with what was decided (the simulator and shadow mode both ask this). Null without `input`.
 */
export function replayStoredPlan(plan: StoredPlan, ruleSet: RuleSet): ReplayComparison | null {
  if (!plan.input) return null
  const replay = planAllocation({ ...plan.input, rule_set: ruleSet }, { geocode: geocodeAddress })
  return compareReplay({ shipments: plan.shipments ?? [], unallocated: plan.unallocated ?? [] }, replay)
}

import { geocodeAddress } from "../../../lib/geo"
import { planAllocation, RuleSet } from "../../../lib/routing"
import { compareReplay, ReplayComparison } from "../../../lib/routing/simulate"
import type { StoredPlan } from "../../../lib/routing/stored"

/**
 * Plans the order again (a `plan` read by parseStoredPlan) with another rule set on what it saw when it was decided, and compares
 * that with what was decided (the simulator and shadow mode both ask this), with how the replay
 * placed the address (the simulator shows it). Null without `input`.
 */
export function replayStoredPlan(plan: StoredPlan, ruleSet: RuleSet): ReplayComparison | null {
  if (!plan.input) return null
  const replay = planAllocation({ ...plan.input, rule_set: ruleSet }, { geocode: geocodeAddress })
  const comparison = compareReplay({ shipments: plan.shipments, unallocated: plan.unallocated }, replay)
  return { ...comparison, placement: replay.trace.placement }
}

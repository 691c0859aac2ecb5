import type { Candidate, PlanInput, RuleSet } from "../types"
import { defaultRuleSet } from "../default-rule-set"

export const boston = { lat: 42.3601, lng: -71.0589 }

export function location(id: string, over: Partial<Candidate> & { units?: Record<string, number> } = {}): Candidate {
  const { units = {}, ...rest } = over
  return {
    id,
    name: id[0].toUpperCase() + id.slice(1),
    active: true,
    priority: 1,
    markets: [],
    daily_capacity: null,
    capacity_used_today: 0,
    safety_stock: 0,
    point: null,
    stock: Object.fromEntries(Object.entries(units).map(([item, n]) => [item, { stocked: n, reserved: 0 }])),
    ...rest,
  }
}

export function order(
  items: Record<string, number>,
  candidates: Candidate[],
  ruleSet: RuleSet = defaultRuleSet(),
  country = "US"
): PlanInput {
  const lines = Object.entries(items).map(([item, quantity]) => ({
    line_id: `line_${item}`,
    inventory_item_id: item,
    quantity,
    unit_value: 10,
  }))
  return {
    lines,
    address: { country_code: country, point: boston },
    facts: {
      destination: { country_code: country },
      value: lines.reduce((s, l) => s + l.quantity * l.unit_value, 0),
      currency_code: "usd",
    },
    candidates,
    rule_set: ruleSet,
  }
}

/** location id -> item -> units, the shape people read plans in. */
export function allocations(plan: { shipments: { location_id: string; lines: { inventory_item_id: string; quantity: number }[] }[] }) {
  const out: Record<string, Record<string, number>> = {}
  for (const s of plan.shipments) {
    for (const l of s.lines) (out[s.location_id] ??= {})[l.inventory_item_id] = ((out[s.location_id] ?? {})[l.inventory_item_id] ?? 0) + l.quantity
  }
  return out
}

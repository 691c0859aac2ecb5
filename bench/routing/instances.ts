import type { Candidate, PlanInput } from "../../src/lib/routing"
import { defaultRuleSet } from "../../src/lib/routing"

/** Mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * One order against `locations` warehouses spread over the continental US; each (location,
 * item) pair is stocked with probability `density`, with some units reserved.
 */
export function makeInstance(seed: number, locations: number, lines: number, density: number): PlanInput {
  const r = rng(seed)
  const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1))
  const items = Array.from({ length: lines }, (_, i) => `item_${i}`)
  const candidates: Candidate[] = Array.from({ length: locations }, (_, k) => ({
    id: `loc_${String(k).padStart(3, "0")}`,
    name: `DC ${k}`,
    active: true,
    priority: int(1, 5),
    markets: [],
    daily_capacity: null,
    capacity_used_today: 0,
    safety_stock: int(0, 1),
    point: { lat: 26 + r() * 22, lng: -122 + r() * 52 },
    stock: Object.fromEntries(
      items.filter(() => r() < density).map((item) => {
        const stocked = int(1, 12)
        return [item, { stocked, reserved: int(0, Math.floor(stocked / 3)) }]
      })
    ),
  }))
  const orderLines = items.map((item, i) => ({ line_id: `line_${i}`, inventory_item_id: item, quantity: int(1, 3), unit_value: int(5, 80) }))
  return {
    lines: orderLines,
    address: { country_code: "US", point: { lat: 26 + r() * 22, lng: -122 + r() * 52 } },
    facts: { destination: { country_code: "US" }, value: orderLines.reduce((s, l) => s + l.quantity * l.unit_value, 0), currency_code: "usd" },
    candidates,
    rule_set: defaultRuleSet(),
  }
}

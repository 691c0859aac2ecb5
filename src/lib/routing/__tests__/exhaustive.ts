import { availableUnits } from "../filters"
import type { Candidate, OrderLine } from "../types"

/**
 * The reference: tries every subset of the eligible locations, smallest first, and returns
 * the fewest locations whose summed stock (above safety stock) covers every line, or null.
 * Deliberately naive so it is obviously right.
 */
export function fewestShipmentsByBruteForce(eligible: Candidate[], lines: OrderLine[], maxSize = eligible.length): number | null {
  const demand = new Map<string, number>()
  for (const l of lines) if (l.quantity > 0) demand.set(l.inventory_item_id, (demand.get(l.inventory_item_id) ?? 0) + l.quantity)
  if ([...demand.values()].every((q) => q === 0)) return 0
  let best: number | null = null
  for (let mask = 1; mask < 1 << eligible.length; mask++) {
    const subset = eligible.filter((_, k) => mask & (1 << k))
    if (subset.length > maxSize || (best !== null && subset.length >= best)) continue
    const covers = [...demand].every(([item, q]) => subset.reduce((s, c) => s + availableUnits(c, item), 0) >= q)
    if (covers) best = subset.length
  }
  return best
}

import type { PickStop, ShortAllocation } from "./types"

/**
 * Which order lines lose units when only `quantity_found` of a stop's units are on the shelf.
 * The units found fill the totes in tote order, so the oldest orders (lowest totes) stay whole
 * and the last totes go short.
 */
export function shortAllocations(stop: PickStop, quantity_found: number): ShortAllocation[] {
  let left = Math.max(0, Math.floor(quantity_found))
  const missing: ShortAllocation[] = []
  for (const share of [...stop.breakdown].sort((a, b) => a.tote - b.tote)) {
    const filled = Math.min(left, share.quantity)
    left -= filled
    if (filled < share.quantity) {
      missing.push({ order_id: share.order_id, line_item_id: share.line_item_id, quantity_missing: share.quantity - filled })
    }
  }
  return missing
}

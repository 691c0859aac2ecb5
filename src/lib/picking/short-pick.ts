import type { PickStop, ShortAllocation, ToteShare } from "./types"

/**
 * How the units found at a stop fill its totes: in tote order, so the oldest orders (lowest
 * totes) stay whole and the last totes go short. One entry per share, with the units it got.
 */
export function fillTotes(stop: PickStop, quantity_found: number): { share: ToteShare; filled: number }[] {
  let left = Math.max(0, Math.floor(quantity_found))
  return [...stop.breakdown]
    .sort((a, b) => a.tote - b.tote)
    .map((share) => {
      const filled = Math.min(left, share.quantity)
      left -= filled
      return { share, filled }
    })
}

/** Which order lines lose units when only `quantity_found` of a stop's units are on the shelf. */
export function shortAllocations(stop: PickStop, quantity_found: number): ShortAllocation[] {
  return fillTotes(stop, quantity_found)
    .filter(({ share, filled }) => filled < share.quantity)
    .map(({ share, filled }) => ({
      order_id: share.order_id,
      line_item_id: share.line_item_id,
      quantity_missing: share.quantity - filled,
    }))
}

import { normalizeCountry } from "../rules/normalize"
import type { Candidate, FilterType, OrderLine } from "./types"

/** Why a location is out; shown to people, so it is a sentence, not a code. */
export type Verdict = { keep: true } | { keep: false; because: string }

export interface FilterContext {
  country: string
  lines: OrderLine[]
  location_ids: string[]
}

/** Units a location may give of an item: stocked minus reserved minus safety stock, never < 0. */
export function availableUnits(candidate: Candidate, inventoryItemId: string): number {
  const level = candidate.stock[inventoryItemId]
  if (!level) return 0
  const safety = level.safety_stock ?? candidate.safety_stock
  return Math.max(0, Math.floor(level.stocked - level.reserved - safety))
}

type Filter = (candidate: Candidate, context: FilterContext) => Verdict

const keep: Verdict = { keep: true }

export const filters: Record<FilterType, Filter> = {
  active: (c) => (c.active ? keep : { keep: false, because: "is paused" }),

  serves_market: (c, { country }) =>
    c.markets.length === 0 || c.markets.some((m) => normalizeCountry(m) === country)
      ? keep
      : { keep: false, because: `does not serve ${country}` },

  capacity: (c) =>
    c.daily_capacity === null || c.capacity_used_today < c.daily_capacity
      ? keep
      : { keep: false, because: `has used its daily capacity of ${c.daily_capacity} orders` },

  safety_stock: (c, { lines }) =>
    lines.some((l) => availableUnits(c, l.inventory_item_id) > 0)
      ? keep
      : { keep: false, because: "has no stock above safety stock for any line" },

  include_locations: (c, { location_ids }) =>
    location_ids.includes(c.id) ? keep : { keep: false, because: "is not in the rule's location list" },

  exclude_locations: (c, { location_ids }) =>
    location_ids.includes(c.id) ? { keep: false, because: "is excluded by the rule" } : keep,
}

export const filterLabels: Record<FilterType, string> = {
  active: "active locations only",
  serves_market: "serves the destination market",
  capacity: "daily capacity left",
  safety_stock: "stock above safety stock",
  include_locations: "only listed locations",
  exclude_locations: "exclude listed locations",
}

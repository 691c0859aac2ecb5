/**
 * A return policy's market as the policy editor shows it: lists of countries, regions and
 * sales channels that must all match (an empty list does not narrow). Stored in the shared
 * rules language: one list is the condition itself, several are `{ type: "all" }`, none is
 * null (every market). A market written otherwise (an "any", a "not") is not lists; the editor
 * keeps it as it is.
 */
import type { Condition } from "../rules"

export type MarketLists = { countries: string[]; regions: string[]; sales_channels: string[] }

const LIST_TYPES = { country: "countries", region: "regions", sales_channel: "sales_channels" } as const
type ListType = keyof typeof LIST_TYPES

export function marketCondition(lists: MarketLists): Condition | null {
  const conditions: Condition[] = []
  const countries = lists.countries.map((c) => c.trim().toUpperCase()).filter(Boolean)
  if (countries.length) conditions.push({ type: "country", in: countries })
  if (lists.regions.length) conditions.push({ type: "region", in: lists.regions })
  if (lists.sales_channels.length) conditions.push({ type: "sales_channel", in: lists.sales_channels })
  if (conditions.length === 0) return null
  return conditions.length === 1 ? conditions[0] : { type: "all", conditions }
}

/** The lists a stored market holds, or null when it is not lists the editor can show. */
export function marketLists(market: Condition | null): MarketLists | null {
  const lists: MarketLists = { countries: [], regions: [], sales_channels: [] }
  if (market === null) return lists
  const parts = market.type === "all" ? market.conditions : [market]
  for (const part of parts) {
    if (!(part.type in LIST_TYPES) || !("in" in part)) return null
    const key = LIST_TYPES[part.type as ListType]
    if (lists[key].length) return null // the same list twice: not what the editor writes
    lists[key] = [...part.in]
  }
  return lists
}

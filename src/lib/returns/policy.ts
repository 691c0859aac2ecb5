import { evaluate, type OrderFacts } from "../rules"
import type { ReturnPolicy } from "./types"

/** What a policy's `market` condition may look at: where the order went and how it was sold. */
export type MarketFacts = {
  country_code: string | null
  region_id: string | null
  sales_channel_id: string | null
  currency_code: string
  /** Order value in major units, for a market written with `order_value`. */
  value?: number
}

/** The market as facts of the shared rules language (missing facts never satisfy a test). */
export function marketOrderFacts(market: MarketFacts): OrderFacts {
  return {
    destination: { country_code: market.country_code ?? "" },
    value: market.value ?? 0,
    currency_code: market.currency_code,
    region_id: market.region_id,
    sales_channel_id: market.sales_channel_id,
  }
}

/** Active policies in the order they are considered: priority, then id so ties never flip. */
export function orderPolicies(policies: ReturnPolicy[]): ReturnPolicy[] {
  return policies
    .filter((p) => p.active)
    .sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The first active policy by priority whose market holds (a null market is every market). */
export function choosePolicy(policies: ReturnPolicy[], market: MarketFacts): ReturnPolicy | null {
  const facts = marketOrderFacts(market)
  return orderPolicies(policies).find((p) => p.market === null || evaluate(p.market, facts)) ?? null
}

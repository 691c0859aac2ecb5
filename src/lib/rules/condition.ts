/**
 * The condition language shared by routing, returns and rate shopping.
 *
 * A condition is plain data (JSON) so it can be stored in a rule row and edited in an admin
 * form; `evaluate` gives its truth for an order and `explain` says it in a sentence.
 */

/**
 * Destination, region, channel and shipping-option tests compare against a list ("is one of").
 * `region` holds Medusa region ids (returns choose a policy per market by it).
 */
export type ListCondition = {
  type: "country" | "province" | "postal_prefix" | "region" | "sales_channel" | "shipping_option"
  in: string[]
}

/** Product and customer tests hold when the order has any one of the listed values. */
export type AnyOfCondition = {
  type: "product_tag" | "product_type" | "shipping_profile" | "customer_group"
  any_of: string[]
}

/** Order value in the order currency's major units (12.5 means 12.50); both bounds inclusive. */
export type OrderValueCondition = { type: "order_value"; min?: number; max?: number }

/**
 * Shipment tests for rate shopping: the shipment's total weight in grams and its number of
 * parcels, both bounds inclusive. An order that is not yet packed has neither fact, and a
 * missing fact never satisfies the test (as everywhere in this language).
 */
export type WeightCondition = { type: "weight"; min?: number; max?: number }
export type ParcelCountCondition = { type: "parcel_count"; min?: number; max?: number }

export type AllCondition = { type: "all"; conditions: Condition[] }
export type AnyCondition = { type: "any"; conditions: Condition[] }
export type NotCondition = { type: "not"; condition: Condition }

export type Condition =
  | ListCondition
  | AnyOfCondition
  | OrderValueCondition
  | WeightCondition
  | ParcelCountCondition
  | AllCondition
  | AnyCondition
  | NotCondition

/** What a condition can look at. Everything an order-level rule may ask about, nothing else. */
export interface OrderFacts {
  destination: {
    country_code: string
    province?: string | null
    postal_code?: string | null
    city?: string | null
  }
  /** Order value in major units of `currency_code`. */
  value: number
  currency_code: string
  /** The order's (or cart's) Medusa region id; the `region` test compares it exactly. */
  region_id?: string | null
  sales_channel_id?: string | null
  shipping_option_ids?: string[]
  product_tags?: string[]
  product_types?: string[]
  shipping_profiles?: string[]
  customer_group_ids?: string[]
  /** Shipment facts, known once the order is packed (rate shopping): total weight in grams. */
  weight_g?: number | null
  /** Shipment facts: how many parcels the order ships in. */
  parcel_count?: number | null
}

export const listConditionTypes = [
  "country",
  "province",
  "postal_prefix",
  "region",
  "sales_channel",
  "shipping_option",
] as const

export const anyOfConditionTypes = [
  "product_tag",
  "product_type",
  "shipping_profile",
  "customer_group",
] as const

/**
 * Every test type a condition uses, however deeply nested (all / any / not included). Lets a
 * caller read only the facts a rule set can ask about: checkout reads customer groups and
 * product types and tags only when a rule tests them.
 */
export function conditionTypes(condition: Condition, into: Set<Condition["type"]> = new Set()): Set<Condition["type"]> {
  into.add(condition.type)
  if (condition.type === "all" || condition.type === "any") for (const c of condition.conditions) conditionTypes(c, into)
  if (condition.type === "not") conditionTypes(condition.condition, into)
  return into
}

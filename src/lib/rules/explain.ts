import type { Condition, OrderFacts } from "./condition"
import { evaluate, factValues } from "./evaluate"

const subjects: Record<string, string> = {
  country: "the destination country",
  province: "the destination province",
  postal_prefix: "the destination postal code",
  region: "the region",
  sales_channel: "the sales channel",
  shipping_option: "the shipping option",
  product_tag: "a product tag",
  product_type: "a product type",
  shipping_profile: "a shipping profile",
  customer_group: "the customer group",
}

/** The condition as a phrase, without an order: "the destination country is one of US, CA". */
export function describe(condition: Condition): string {
  switch (condition.type) {
    case "all":
      return condition.conditions.length === 0
        ? "always"
        : condition.conditions.map(describe).map(wrap).join(" and ")
    case "any":
      return condition.conditions.length === 0
        ? "never"
        : condition.conditions.map(describe).map(wrap).join(" or ")
    case "not":
      return `not (${describe(condition.condition)})`
    case "order_value":
      return describeRange(condition.min, condition.max)
    case "weight":
      return describeBounds("the shipment weight", condition.min, condition.max, " g")
    case "parcel_count":
      return describeBounds("the number of parcels", condition.min, condition.max, "")
    case "postal_prefix":
      return `${subjects.postal_prefix} starts with ${orList(condition.in)}`
    case "country":
    case "province":
    case "region":
    case "sales_channel":
    case "shipping_option":
      return `${subjects[condition.type]} is ${oneOf(condition.in)}`
    case "product_tag":
    case "product_type":
    case "shipping_profile":
    case "customer_group":
      return `${subjects[condition.type]} is ${oneOf(condition.any_of)}`
  }
}

/**
 * A sentence saying whether the condition holds for this order and, for a simple test, what
 * the order actually has: "Does not apply: the destination country is GB, not one of US, CA."
 */
export function explain(condition: Condition, facts: OrderFacts): string {
  const holds = evaluate(condition, facts)
  const actual = actualValue(condition, facts)
  const head = holds ? "Applies" : "Does not apply"
  const tail = actual === null ? "" : ` (the order has ${actual})`
  return `${head}: ${describe(condition)}${tail}.`
}

function actualValue(condition: Condition, facts: OrderFacts): string | null {
  const d = facts.destination
  switch (condition.type) {
    case "country":
      return d.country_code ? d.country_code.toUpperCase() : "no country"
    case "province":
      return d.province ? d.province : "no province"
    case "postal_prefix":
      return d.postal_code ? d.postal_code : "no postal code"
    case "region":
      return facts.region_id ?? "no region"
    case "sales_channel":
      return facts.sales_channel_id ?? "no sales channel"
    case "shipping_option":
      return list(facts.shipping_option_ids ?? [], "no shipping option")
    case "order_value":
      return `${facts.value} ${facts.currency_code.toUpperCase()}`
    case "weight":
      return facts.weight_g === null || facts.weight_g === undefined ? "no weight yet" : `${facts.weight_g} g`
    case "parcel_count":
      return facts.parcel_count === null || facts.parcel_count === undefined ? "no parcels yet" : String(facts.parcel_count)
    case "product_tag":
    case "product_type":
    case "shipping_profile":
    case "customer_group":
      return list(factValues(condition.type, facts), "none")
    default:
      return null
  }
}

function describeRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `the order value is between ${min} and ${max}`
  if (min !== undefined) return `the order value is at least ${min}`
  if (max !== undefined) return `the order value is at most ${max}`
  return "any order value"
}

function describeBounds(subject: string, min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return `${subject} is between ${min}${unit} and ${max}${unit}`
  if (min !== undefined) return `${subject} is at least ${min}${unit}`
  if (max !== undefined) return `${subject} is at most ${max}${unit}`
  return `any ${subject.replace(/^the /, "")}`
}

const oneOf = (values: string[]) => (values.length === 1 ? values[0] : `one of ${values.join(", ")}`)
const orList = (values: string[]) => values.join(" or ")
const list = (values: string[], empty: string) => (values.length ? values.join(", ") : empty)
const wrap = (s: string) => (s.includes(" and ") || s.includes(" or ") ? `(${s})` : s)

import type { Condition, OrderFacts } from "./condition"
import { foldText, normalizeCountry, normalizePostalCode, normalizeProvince } from "./normalize"

/** True when the order satisfies the condition. Missing facts never satisfy a positive test. */
export function evaluate(condition: Condition, facts: OrderFacts): boolean {
  switch (condition.type) {
    case "all":
      return condition.conditions.every((c) => evaluate(c, facts))
    case "any":
      return condition.conditions.some((c) => evaluate(c, facts))
    case "not":
      return !evaluate(condition.condition, facts)
    case "order_value":
      return (
        (condition.min === undefined || facts.value >= condition.min) &&
        (condition.max === undefined || facts.value <= condition.max)
      )
    case "weight":
      return inRange(facts.weight_g, condition)
    case "parcel_count":
      return inRange(facts.parcel_count, condition)
    case "country":
    case "province":
    case "postal_prefix":
    case "region":
    case "sales_channel":
    case "shipping_option":
      return matchesList(condition.type, condition.in, facts)
    case "product_tag":
    case "product_type":
    case "shipping_profile":
    case "customer_group":
      return overlaps(factValues(condition.type, facts), condition.any_of, condition.type)
  }
}

/** A shipment fact within inclusive bounds; an unknown fact (not packed yet) is never in range. */
function inRange(value: number | null | undefined, bounds: { min?: number; max?: number }): boolean {
  if (value === null || value === undefined || !Number.isFinite(value)) return false
  return (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max)
}

function matchesList(type: string, list: string[], facts: OrderFacts): boolean {
  const country = facts.destination.country_code
  switch (type) {
    case "country":
      return list.some((c) => normalizeCountry(c) === normalizeCountry(country))
    case "province": {
      const province = normalizeProvince(facts.destination.province, country)
      return province !== "" && list.some((p) => normalizeProvince(p, country) === province)
    }
    case "postal_prefix": {
      const postal = normalizePostalCode(facts.destination.postal_code)
      return postal !== "" && list.some((p) => postal.startsWith(normalizePostalCode(p)))
    }
    case "region":
      return !!facts.region_id && list.includes(facts.region_id)
    case "sales_channel":
      return !!facts.sales_channel_id && list.includes(facts.sales_channel_id)
    case "shipping_option":
      return (facts.shipping_option_ids ?? []).some((id) => list.includes(id))
  }
  return false
}

/** The order's own values for an any-of test. */
export function factValues(type: string, facts: OrderFacts): string[] {
  switch (type) {
    case "product_tag":
      return facts.product_tags ?? []
    case "product_type":
      return facts.product_types ?? []
    case "shipping_profile":
      return facts.shipping_profiles ?? []
    case "customer_group":
      return facts.customer_group_ids ?? []
  }
  return []
}

/** Tags and types are typed by people, so they compare case- and accent-blind; ids exactly. */
function overlaps(values: string[], wanted: string[], type: string): boolean {
  const fold = type === "product_tag" || type === "product_type" ? foldText : (s: string) => s
  const have = new Set(values.map(fold))
  return wanted.some((w) => have.has(fold(w)))
}

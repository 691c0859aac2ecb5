import type { CustomsLine } from "./contract"
import { isEuCountry } from "./regions"
import { toGrams, type WeightUnit } from "./units"

/** One order line going into an international parcel, with what its variant (or product) says. */
export type CustomsItem = {
  title: string
  variant_title?: string | null
  sku?: string | null
  quantity: number
  /** Price of one unit, major units of `currency_code`. */
  unit_price: number
  currency_code: string
  /** Weight of one unit in `weight_unit` (the variant's, else the product's). */
  weight: number | null
  hs_code: string | null
  origin_country: string | null
}

export type CustomsResult =
  | { needed: false; lines: null }
  | { needed: true; ok: true; lines: CustomsLine[] }
  | { needed: true; ok: false; problems: string[] }

/**
 * Whether a parcel between two countries needs a customs declaration: any border crossing,
 * except between two EU member states (one customs union). Special territories inside an EU
 * country (the Canary Islands, Åland) have their own codes or postal codes and are not modelled.
 */
export function customsNeeded(fromCountry: string, toCountry: string): boolean {
  const from = fromCountry.trim().toUpperCase()
  const to = toCountry.trim().toUpperCase()
  if (from === to) return false
  return !(isEuCountry(from) && isEuCountry(to))
}

/**
 * Customs lines for a shipment, one per order line (value and weight summed over its units),
 * or the sentences naming each product whose HS code, origin country or weight is missing, so
 * a person can complete the product and buy the label again.
 */
export function customsLines(
  items: CustomsItem[],
  route: { from_country: string; to_country: string },
  weightUnit: WeightUnit = "g"
): CustomsResult {
  if (!customsNeeded(route.from_country, route.to_country)) return { needed: false, lines: null }
  const problems: string[] = []
  const lines: CustomsLine[] = []
  for (const item of items) {
    if (item.quantity <= 0) continue
    const name = productName(item)
    const hs = normalizeHsCode(item.hs_code)
    const origin = (item.origin_country ?? "").trim().toUpperCase()
    const missing: string[] = []
    if (!hs) missing.push(item.hs_code?.trim() ? `a valid HS code (6 to 10 digits, "${item.hs_code.trim()}" is not)` : "an HS code")
    if (!/^[A-Z]{2}$/.test(origin)) missing.push("a country of origin")
    if (!(item.weight !== null && item.weight > 0)) missing.push("a weight")
    if (missing.length) {
      problems.push(`${name} needs ${joinAnd(missing)} for the customs declaration to ${route.to_country.toUpperCase()}: add it to the variant or its product.`)
      continue
    }
    lines.push({
      description: [item.title, item.variant_title].filter(Boolean).join(" / ").slice(0, 100),
      quantity: item.quantity,
      value: Math.round(item.unit_price * item.quantity * 100) / 100,
      currency_code: item.currency_code.toUpperCase(),
      weight_g: Math.max(1, toGrams(item.weight! * item.quantity, weightUnit)),
      hs_code: hs!,
      origin_country: origin,
    })
  }
  if (problems.length) return { needed: true, ok: false, problems }
  if (lines.length === 0) return { needed: true, ok: false, problems: ["The customs declaration has no lines: the parcel holds no items."] }
  return { needed: true, ok: true, lines }
}

/** HS codes are written with dots and spaces ("6109.10.00"); carriers want the digits. */
export function normalizeHsCode(code: string | null | undefined): string | null {
  const digits = (code ?? "").replace(/[\s.\-]/g, "")
  return /^\d{6,10}$/.test(digits) ? digits : null
}

function productName(item: CustomsItem): string {
  const title = [item.title, item.variant_title].filter(Boolean).join(" / ") || "A product without a title"
  return item.sku ? `"${title}" (SKU ${item.sku})` : `"${title}"`
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`
}

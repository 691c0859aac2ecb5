import type { Parcel } from "../picking/types"
import type { ShippingParcel } from "./contract"
import { toCentimetres, toGrams, type LengthUnit, type WeightUnit } from "./units"

/**
 * The measures the pack step records are the store's own numbers: Medusa keeps variant weight
 * and size without a unit, and this project's catalog (and the demo store) uses grams and
 * millimetres. A store that types kilograms or inches says so in `PackUnits`.
 */
export type PackUnits = { weight: WeightUnit; length: LengthUnit }
export const DEFAULT_PACK_UNITS: PackUnits = { weight: "g", length: "mm" }

/** A parcel, or the sentences that say what is wrong with it (none when it is fine). */
export type ParcelsResult = { ok: true; parcels: ShippingParcel[] } | { ok: false; problems: string[] }

/**
 * Packed parcels (picking's `Parcel`, several per order) as the carrier contract's
 * `ShippingParcel` in grams and centimetres. Weight rounds to whole grams and never below 1 g
 * for a parcel that weighs something; sizes round up (a carrier measures the box, not less).
 */
export function toShippingParcels(packed: Parcel[], units: PackUnits = DEFAULT_PACK_UNITS): ParcelsResult {
  const problems = parcelProblems(packed)
  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    parcels: packed.map((p) => ({
      weight_g: Math.max(1, toGrams(p.weight, units.weight)),
      length_cm: toCentimetres(p.length, units.length),
      width_cm: toCentimetres(p.width, units.length),
      height_cm: toCentimetres(p.height, units.length),
    })),
  }
}

/** What a packer must fix before a label can be bought, one sentence per problem. */
export function parcelProblems(packed: Parcel[]): string[] {
  if (packed.length === 0) return ["The shipment has no parcels: pack at least one."]
  const problems: string[] = []
  const many = packed.length > 1
  packed.forEach((p, i) => {
    const name = many ? `Parcel ${i + 1}` : "The parcel"
    if (!Number.isFinite(p.weight) || p.weight <= 0) {
      problems.push(`${name} has no weight: weight must be more than 0 (weigh the box, or give the products a weight).`)
    }
    const sides = (["length", "width", "height"] as const).filter((side) => !Number.isFinite(p[side]) || p[side] < 0)
    if (sides.length) problems.push(`${name} has a negative or missing ${sides.join(", ")}: sizes must be 0 or more.`)
  })
  return problems
}

/** The shipment's total weight in grams, as rate-shopping conditions read it. */
export const totalWeight = (parcels: ShippingParcel[]): number => parcels.reduce((sum, p) => sum + p.weight_g, 0)

/**
 * Weights and lengths at the plugin's edge. Inside the plugin a weight is grams and a length is
 * centimetres; carriers that speak ounces and inches convert here, in one place.
 *
 * The factors are the exact international definitions (1959 yard and pound agreement):
 * 1 lb = 453.59237 g, 1 oz = 1/16 lb = 28.349523125 g, 1 in = 2.54 cm; and 1 kg = 1000 g, 1 cm = 10 mm.
 *
 * Rounding, so a parcel is never declared lighter or smaller than it is:
 * - to grams: whole grams, rounded half up (Math.round); a carrier never needs less than 1 g.
 * - to ounces, pounds, kilograms, inches: `up(value, decimals)` rounds UP at the given decimals
 *   (default 1 for oz and in, 2 for lb and kg), after removing float noise below 1e-9, so
 *   1000 g is exactly 1 kg and not 1.01 kg.
 */

export const GRAMS_PER_KILOGRAM = 1000
export const GRAMS_PER_POUND = 453.59237
export const GRAMS_PER_OUNCE = GRAMS_PER_POUND / 16
export const CENTIMETRES_PER_INCH = 2.54

export const weightUnits = ["g", "kg", "oz", "lb"] as const
export type WeightUnit = (typeof weightUnits)[number]
export const lengthUnits = ["cm", "mm", "in"] as const
export type LengthUnit = (typeof lengthUnits)[number]

const gramsPer: Record<WeightUnit, number> = { g: 1, kg: GRAMS_PER_KILOGRAM, oz: GRAMS_PER_OUNCE, lb: GRAMS_PER_POUND }
const centimetresPer: Record<LengthUnit, number> = { cm: 1, mm: 0.1, in: CENTIMETRES_PER_INCH }

/** A weight in another unit as whole grams (half up). */
export function toGrams(value: number, unit: WeightUnit): number {
  return Math.round(value * gramsPer[unit])
}

/** Grams in another unit, rounded up at `decimals` (see the file comment for the defaults). */
export function fromGrams(grams: number, unit: WeightUnit, decimals = defaultDecimals[unit]): number {
  return up(grams / gramsPer[unit], decimals)
}

/** A length in another unit as centimetres, rounded up at two decimals (a tenth of a millimetre). */
export function toCentimetres(value: number, unit: LengthUnit): number {
  return up(value * centimetresPer[unit], 2)
}

/** Centimetres in another unit, rounded up at `decimals` (1 by default). */
export function fromCentimetres(centimetres: number, unit: LengthUnit, decimals = 1): number {
  return up(centimetres / centimetresPer[unit], decimals)
}

const defaultDecimals: Record<WeightUnit, number> = { g: 0, kg: 2, oz: 1, lb: 2 }

/** Rounds up at `decimals`, ignoring float noise (0.1 + 0.2 stays 0.3 at one decimal). */
export function up(value: number, decimals: number): number {
  const scale = 10 ** decimals
  const scaled = value * scale
  const nearest = Math.round(scaled)
  return (Math.abs(scaled - nearest) < 1e-9 ? nearest : Math.ceil(scaled)) / scale
}

/** A weight as a person reads it on a label: "850 g", "1.25 kg" (kilograms from 1000 g, up to 2 decimals). */
export function formatWeight(grams: number): string {
  if (grams < GRAMS_PER_KILOGRAM) return `${Math.round(grams)} g`
  return `${fromGrams(grams, "kg")} kg`
}

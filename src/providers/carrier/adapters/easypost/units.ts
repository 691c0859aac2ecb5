/** EasyPost weighs parcels in ounces and measures them in inches; the plugin uses grams and cm. */
const GRAMS_PER_OUNCE = 28.349523125
const CM_PER_INCH = 2.54

/** Rounded up to a tenth: a parcel declared lighter or smaller than it is gets surcharged later. */
export const gramsToOunces = (grams: number) => ceilTenth(grams / GRAMS_PER_OUNCE)
export const cmToInches = (cm: number) => ceilTenth(cm / CM_PER_INCH)

// The epsilon keeps 10.0000000001 (float noise from an exact conversion) at 10.0.
const ceilTenth = (n: number) => Math.ceil(n * 10 - 1e-9) / 10

import { normalizePostalCode } from "../rules/normalize"

/** Shortest postal prefix we accept as a match (a Canadian FSA is 3 characters). */
const MIN_POSTAL_PREFIX = 3

/** The UK and the Crown Dependencies write "outward inward" codes. */
const outwardCodeCountries = new Set(["GB", "GG", "JE", "IM"])

/**
 * European countries whose codes are digits, often written after a country letter or two
 * ("D-80331", "CH-8001", "L-1724", "LV-1050", "AD500"): the letters are dropped, in the bundled
 * data and in what is looked up alike. Not the UK, Ireland or Malta, whose codes start with letters.
 */
const numericCodeCountries = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IT", "LV", "LT",
  "LU", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "CH", "NO", "IS", "LI", "AD", "MC", "SM",
])

/** A postal code as the bundled data keys it: normalized, and without a country prefix where codes are digits. */
export function postalKey(countryCode: string, written: string | null | undefined): string {
  const code = normalizePostalCode(written)
  return numericCodeCountries.has(countryCode) ? code.replace(/^[A-Z]{1,3}(?=\d)/, "") : code
}

/**
 * The keys to try for a written postal code, best first. Data sets key a country's codes at
 * different depths (a Dutch "1012" for "1012 AB", a Portuguese "1100" for "1100-148", a Canadian
 * FSA), so the default is the full code, then ever shorter prefixes. The UK and Ireland need their own
 * rule: the UK outward code is everything before the last three characters ("W1 1AA" -> "W1",
 * never the prefix "W11", another district), and an Eircode's routing key is its first three.
 */
export function postalLookupKeys(countryCode: string, written: string | null | undefined): string[] {
  const code = postalKey(countryCode, written)
  if (!code) return []
  if (outwardCodeCountries.has(countryCode)) {
    return code.length >= 5 && code.length <= 7 ? [code.slice(0, -3), code] : [code]
  }
  if (countryCode === "IE") return code.length > 3 ? [code.slice(0, 3), code] : [code]
  const keys: string[] = []
  for (let length = code.length; length >= Math.min(MIN_POSTAL_PREFIX, code.length); length--) {
    keys.push(code.slice(0, length))
  }
  return keys
}

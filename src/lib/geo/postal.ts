import { normalizePostalCode } from "../rules/normalize"

/** Shortest postal prefix we accept as a match (a Canadian FSA is 3 characters). */
const MIN_POSTAL_PREFIX = 3

/**
 * The keys to try for a written postal code, best first. Data sets key a country's codes at
 * different depths (a full Portuguese "1000-001", a Dutch "1012" for "1012 AB", a Canadian FSA),
 * so the default is the full code, then ever shorter prefixes. The UK and Ireland need their own
 * rule: the UK outward code is everything before the last three characters ("W1 1AA" -> "W1",
 * never the prefix "W11", another district), and an Eircode's routing key is its first three.
 */
export function postalLookupKeys(countryCode: string, written: string | null | undefined): string[] {
  const code = normalizePostalCode(written)
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

/** The UK and the Crown Dependencies write "outward inward" codes. */
const outwardCodeCountries = new Set(["GB", "GG", "JE", "IM"])

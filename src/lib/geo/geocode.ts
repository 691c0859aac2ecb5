import { normalizeCountry, normalizeProvince } from "../rules/normalize"
import type { GeoPoint } from "./distance"
import { foldPlaceName } from "./fold"
import { postalLookupKeys } from "./postal"

/** How exactly an address was placed; the planner's trace shows it next to distances. */
export type GeoPrecision = "postal_code" | "city" | "province" | "country"

/** A part of the address that was written but matched nothing in the gazetteer. */
export type UnmatchedPart = "postal_code" | "city" | "province"

export interface GeocodeResult {
  point: GeoPoint
  precision: GeoPrecision
  /** Written parts that were not found (in lookup order); absent when every part matched or none was written. */
  unmatched?: UnmatchedPart[]
}

export interface AddressToGeocode {
  country_code: string
  province?: string | null
  city?: string | null
  postal_code?: string | null
}

/** A city of a country; `province` is the normalized key of its first-level division. */
export interface GazetteerCity {
  point: GeoPoint
  province?: string
  /** Where a name is shared, the most populous place is the likelier destination. */
  population?: number
}

/**
 * Everything the geocoder knows, as plain data so a test can hand it a tiny one.
 * Keys are normalized: countries upper-case ISO-2, provinces by `foldText` (also by code),
 * cities by `foldPlaceName` (every native and alternate name is a key), postal codes by
 * `normalizePostalCode`.
 */
export interface GazetteerCountry {
  centroid: GeoPoint
  /** Keyed by the province's canonical key (its code, normalized). */
  provinces?: Record<string, GeoPoint>
  /** Other ways people write a province (full name, ISO code) -> canonical key. */
  province_aliases?: Record<string, string>
  cities?: Record<string, GazetteerCity[]>
  postal_codes?: Record<string, GeoPoint>
}

export type Gazetteer = Record<string, GazetteerCountry>

/**
 * Places an address, best match first: postal code, then city (in the given province when
 * there is one), then province, then the country centroid. Null when the country is unknown.
 */
export function geocode(address: AddressToGeocode, gazetteer: Gazetteer): GeocodeResult | null {
  const countryCode = normalizeCountry(address.country_code)
  const country = gazetteer[countryCode]
  if (!country) return null
  const unmatched: UnmatchedPart[] = []
  const result = (point: GeoPoint, precision: GeoPrecision): GeocodeResult =>
    unmatched.length ? { point, precision, unmatched } : { point, precision }

  const postalKeys = postalLookupKeys(countryCode, address.postal_code)
  const postal = findPostal(country, postalKeys)
  if (postal) return result(postal, "postal_code")
  // A code we hold no data for is not "not found": most countries have no postal data here.
  if (postalKeys.length && country.postal_codes) unmatched.push("postal_code")

  const written = normalizeProvince(address.province, countryCode)
  const province = country.province_aliases?.[written] ?? written
  const city = address.city?.trim() ? findCity(country, address.city, province) : null
  if (city) return result(city, "city")
  if (address.city?.trim()) unmatched.push("city")

  const provincePoint = province ? country.provinces?.[province] : undefined
  if (provincePoint) return result(provincePoint, "province")
  if (province) unmatched.push("province")

  return result(country.centroid, "country")
}

function findPostal(country: GazetteerCountry, keys: string[]): GeoPoint | null {
  if (!country.postal_codes) return null
  for (const key of keys) {
    const hit = country.postal_codes[key]
    if (hit) return hit
  }
  return null
}

/**
 * A city by any of its names. A name can repeat (Springfield, Frankfurt): the one in the
 * stated province wins, else the most populous (else the first listed).
 */
function findCity(country: GazetteerCountry, written: string, province: string): GeoPoint | null {
  if (!country.cities) return null
  for (const key of cityKeys(written)) {
    const matches = country.cities[key]
    if (!matches || matches.length === 0) continue
    if (province) {
      const inProvince = matches.filter((c) => c.province === province)
      if (inProvince.length) return mostPopulous(inProvince).point
      // A stated province that contradicts every same-named city: trust the province instead.
      if (country.provinces?.[province]) return null
    }
    return mostPopulous(matches).point
  }
  return null
}

/**
 * The written city as typed, then without a postal code typed into it ("80331 München"),
 * then without trailing words ("Berlin-Mitte" -> "berlin", "Paris Cedex 08" -> "paris").
 */
function cityKeys(written: string): string[] {
  const full = foldPlaceName(written)
  const words = full.split(" ").filter((word) => !/\d/.test(word))
  const keys = [full]
  for (let count = words.length; count >= 1; count--) {
    const key = words.slice(0, count).join(" ")
    if (key.length >= 2 && !keys.includes(key)) keys.push(key)
  }
  return keys
}

function mostPopulous(cities: GazetteerCity[]): GazetteerCity {
  let best = cities[0]
  for (const city of cities) if ((city.population ?? 0) > (best.population ?? 0)) best = city
  return best
}

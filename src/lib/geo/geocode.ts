import { foldText, normalizeCountry, normalizePostalCode, normalizeProvince } from "../rules/normalize"
import type { GeoPoint } from "./distance"

/** How exactly an address was placed; the planner's trace shows it next to distances. */
export type GeoPrecision = "postal_code" | "city" | "province" | "country"

export interface GeocodeResult {
  point: GeoPoint
  precision: GeoPrecision
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
}

/**
 * Everything the geocoder knows, as plain data so a test can hand it a tiny one.
 * Keys are normalized: countries upper-case ISO-2, provinces and cities by `foldText`
 * (provinces also by code), postal codes by `normalizePostalCode`.
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

/** Shortest postal prefix we accept as a match (a Canadian FSA is 3 characters). */
const MIN_POSTAL_PREFIX = 3

/**
 * Places an address, best match first: postal code, then city (in the given province when
 * there is one), then province, then the country centroid. Null when the country is unknown.
 */
export function geocode(address: AddressToGeocode, gazetteer: Gazetteer): GeocodeResult | null {
  const countryCode = normalizeCountry(address.country_code)
  const country = gazetteer[countryCode]
  if (!country) return null

  const postal = findPostal(country, normalizePostalCode(address.postal_code))
  if (postal) return { point: postal, precision: "postal_code" }

  const written = normalizeProvince(address.province, countryCode)
  const province = country.province_aliases?.[written] ?? written
  const city = findCity(country, foldText(address.city ?? ""), province)
  if (city) return { point: city, precision: "city" }

  const provincePoint = province ? country.provinces?.[province] : undefined
  if (provincePoint) return { point: provincePoint, precision: "province" }

  return { point: country.centroid, precision: "country" }
}

/**
 * Full code first, then ever shorter prefixes: "021341234" (ZIP+4) finds "02134",
 * "K1A0B1" finds the Canadian FSA "K1A".
 */
function findPostal(country: GazetteerCountry, code: string): GeoPoint | null {
  if (!country.postal_codes || code.length === 0) return null
  for (let length = code.length; length >= Math.min(MIN_POSTAL_PREFIX, code.length); length--) {
    const hit = country.postal_codes[code.slice(0, length)]
    if (hit) return hit
  }
  return null
}

/** A city name can repeat (Springfield); the one in the stated province wins, else the first. */
function findCity(country: GazetteerCountry, name: string, province: string): GeoPoint | null {
  if (!name || !country.cities) return null
  const matches = country.cities[name]
  if (!matches || matches.length === 0) return null
  if (province) {
    const inProvince = matches.find((c) => c.province === province)
    if (inProvince) return inProvince.point
    // A stated province that contradicts every same-named city: trust the province instead.
    if (country.provinces?.[province]) return null
  }
  return matches[0].point
}

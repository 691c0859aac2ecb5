import { existsSync, readFileSync } from "fs"
import { join } from "path"
import type { GeoPoint } from "./distance"

/**
 * The bundled per-country geo data: JSON files in ./data (made by scripts/geo/build-*.ts), read
 * from beside this module, so the same code finds them in src and in the built package
 * (tsconfig's "include" names the JSON files, so `medusa plugin:build` emits them next to the JS).
 * Read with fs, not require: a parsed file is turned into the gazetteer's own shape and then
 * dropped, where the require cache would keep it for the life of the process.
 */
const DATA_DIR = join(__dirname, "data")

/** A place: lat, lng, first-level division code, population, its names folded by foldPlaceName. */
export type NamedPlace = [lat: number, lng: number, admin1: string, population: number, names: string[]]

export interface CountryNamesFile {
  source: string
  licence: string
  fields: string[]
  /** Most populous first. */
  places: NamedPlace[]
}

export interface CountryPostalFile {
  source: string
  licence: string
  fields: string[]
  /** Postal key (postalKey) -> [lat, lng], the mean of the places GeoNames lists for that code. */
  codes: Record<string, [number, number]>
}

interface Manifest {
  names?: string[]
  postal?: string[]
}

let manifest: Manifest | null = null

/** Which countries have bundled names and postal codes (data/bundled.json). */
export function bundledCountries(): { names: Set<string>; postal: Set<string> } {
  manifest ??= JSON.parse(readFileSync(join(DATA_DIR, "bundled.json"), "utf8")) as Manifest
  return { names: new Set(manifest.names ?? []), postal: new Set(manifest.postal ?? []) }
}

export function readCountryNames(countryCode: string): CountryNamesFile | null {
  return readData<CountryNamesFile>("names", countryCode)
}

export function readCountryPostal(countryCode: string): Record<string, GeoPoint> | null {
  const file = readData<CountryPostalFile>("postal", countryCode)
  if (!file) return null
  const codes: Record<string, GeoPoint> = {}
  for (const [key, [lat, lng]] of Object.entries(file.codes)) codes[key] = { lat, lng }
  return codes
}

function readData<T>(kind: "names" | "postal", countryCode: string): T | null {
  const path = join(DATA_DIR, kind, `${countryCode.toLowerCase()}.json`)
  if (!/^[A-Z]{2}$/.test(countryCode) || !existsSync(path)) return null
  return JSON.parse(readFileSync(path, "utf8")) as T
}

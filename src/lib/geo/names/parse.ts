import { foldText } from "../../rules/normalize"
import type { GazetteerCity } from "../geocode"

/**
 * Reads one country's bundled name list (made by scripts/geo/build-names.ts) into city keys.
 * A line is `lat<TAB>lng<TAB>admin1<TAB>population<TAB>name|other name|...`, names already
 * folded by `foldPlaceName` (re-run the script after changing it); every name of a place is a
 * key, so "München", "Muenchen" and "Munich" all find the same point.
 */
export function parseCountryNames(data: string): Record<string, GazetteerCity[]> {
  const cities: Record<string, GazetteerCity[]> = {}
  for (const line of data.split("\n")) {
    if (!line) continue
    const [lat, lng, admin1, population, names] = line.split("\t")
    const city: GazetteerCity = { point: { lat: Number(lat), lng: Number(lng) } }
    if (admin1) city.province = foldText(admin1)
    if (population && population !== "0") city.population = Number(population)
    for (const key of names.split("|")) (cities[key] ??= []).push(city)
  }
  return cities
}

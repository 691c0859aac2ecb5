import { foldText } from "../../rules/normalize"
import type { GazetteerCity } from "../geocode"

/**
 * Reads one country's bundled name list (made by scripts/geo/build-names.ts) into city keys.
 * A line is `lat<TAB>lng<TAB>admin1<TAB>population<TAB>name|other name|...`, names already
 * folded by `foldPlaceName` (re-run the script after changing it); every name of a place is a
 * key, so "München", "Muenchen" and "Munich" all find the same point. Walks the text by index
 * rather than splitting it whole: the large countries would otherwise allocate their lines twice.
 */
export function parseCountryNames(data: string): Record<string, GazetteerCity[]> {
  const cities: Record<string, GazetteerCity[]> = {}
  let start = 0
  while (start < data.length) {
    let end = data.indexOf("\n", start)
    if (end < 0) end = data.length
    const [lat, lng, admin1, population, names] = data.slice(start, end).split("\t")
    start = end + 1
    if (!names) continue
    const city: GazetteerCity = { point: { lat: Number(lat), lng: Number(lng) } }
    if (admin1) city.province = foldText(admin1)
    if (population && population !== "0") city.population = Number(population)
    for (const key of names.split("|")) (cities[key] ??= []).push(city)
  }
  return cities
}

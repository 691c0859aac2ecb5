/**
 * Builds src/lib/geo/data/postal/<cc>.json: one point per postal code (or postal area) of the
 * European countries GeoNames has postal codes for (CC-BY 4.0), from the per-country CSV files of
 * the zauberware/postal-codes-json-xml-csv repository (GeoNames' postal dump converted, CC-BY 4.0;
 * `data/<CC>.zip` holds `zipcodes.<cc>.csv`), extracted into one folder:
 *
 *   npx ts-node --transpile-only scripts/geo/build-postal.ts path/to/csv-folder "snapshot 2026-03-30"
 *
 * GeoNames lists a code once per place it serves; the point kept is the mean of those places.
 * Kept as GeoNames keys them (UK outward codes, Irish routing keys, Maltese localities), except:
 * Portugal's 200,000 street-level codes are kept as their 4-digit areas, and French CEDEX codes
 * (business mail, not a place) are left out.
 */
import { parse } from "csv-parse/sync"
import { existsSync, readFileSync } from "fs"
import { join } from "path"
import { sphericalMean, type GeoPoint } from "../../src/lib/geo/distance"
import { postalKey } from "../../src/lib/geo/postal"
import { EUROPEAN_COUNTRIES } from "./build-names"
import { writeManifest, writePostalFile } from "./data-files"

const AREA_DIGITS: Record<string, number> = { PT: 4 }

function build(folder: string, snapshot: string) {
  const bundled: string[] = []
  for (const cc of EUROPEAN_COUNTRIES) {
    const file = join(folder, `zipcodes.${cc.toLowerCase()}.csv`)
    if (!existsSync(file)) {
      console.log(`${cc}: no postal codes in the source`)
      continue
    }
    const rows = parse(readFileSync(file, "utf8"), { columns: true, bom: true }) as Record<string, string>[]
    const points = new Map<string, GeoPoint[]>()
    for (const row of rows) {
      if (/cedex/i.test(row.zipcode)) continue
      let key = postalKey(cc, row.zipcode)
      if (AREA_DIGITS[cc]) key = key.slice(0, AREA_DIGITS[cc])
      const point = { lat: Number(row.latitude), lng: Number(row.longitude) }
      if (!key || !Number.isFinite(point.lat) || !Number.isFinite(point.lng)) continue
      const list = points.get(key)
      if (list) list.push(point)
      else points.set(key, [point])
    }
    const codes = [...points]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, list]): [string, [number, number]] => {
        const mean = sphericalMean(list)!
        return [key, [Number(mean.lat.toFixed(4)), Number(mean.lng.toFixed(4))]]
      })
    const size = writePostalFile(cc, `zauberware/postal-codes-json-xml-csv ${snapshot}`, codes)
    bundled.push(cc)
    console.log(`${cc}: ${codes.length} codes from ${rows.length} rows, ${(size / 1024).toFixed(0)} KiB`)
  }
  writeManifest("postal", bundled)
}

if (require.main === module) {
  const [folder, snapshot] = process.argv.slice(2)
  if (!folder || !snapshot) throw new Error("usage: build-postal.ts <csv folder> <snapshot label>")
  build(folder, snapshot)
}

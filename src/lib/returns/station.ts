/**
 * The inspection station's bookkeeping, pure: which units of a return were scanned and graded,
 * what is still expected, and the inspection entries the station submits (every unit of every
 * line accounted for, as the inspect route requires). The admin page holds the state; this
 * says what it means.
 */
import { defaultDisposition } from "./grades"
import type { Disposition, Grade, InspectionEntry } from "./types"

/** A line of the return as the station needs it. Keep-it lines never come back in the parcel. */
export type StationLine = { id: string; title: string; sku: string | null; quantity: number; keep_it: boolean; destination_location_id: string | null }

/** One scanned unit of a line, graded (or not yet). */
export type StationUnit = {
  key: string
  return_line_id: string
  scanned_code: string
  grade: Grade | null
  disposition: Disposition
  location_id: string | null
}

/** An item in the parcel that is not part of the return (the scan was refused). */
export type WrongItem = { key: string; code: string }

/**
 * What a grade does unless the inspector says otherwise (the policy core's defaultDisposition),
 * and where: a restocked unit goes back on the shelf at the line's destination.
 */
export function stationDefaults(grade: Grade, line: Pick<StationLine, "destination_location_id">): { disposition: Disposition; location_id: string | null } {
  const disposition = defaultDisposition(grade)
  return { disposition, location_id: disposition === "restock" ? line.destination_location_id : null }
}

/** Units the parcel should hold per line (keep-it lines excluded). */
export const expectedUnits = (lines: StationLine[]): number => lines.filter((l) => !l.keep_it).reduce((sum, l) => sum + l.quantity, 0)

/** Units of each line not scanned yet (0 for keep-it lines). */
export function unitsLeft(lines: StationLine[], units: StationUnit[]): Record<string, number> {
  const left: Record<string, number> = {}
  for (const line of lines) left[line.id] = line.keep_it ? 0 : line.quantity
  for (const unit of units) if (unit.return_line_id in left) left[unit.return_line_id] = Math.max(0, left[unit.return_line_id] - 1)
  return left
}

/**
 * Whether one more unit of `lineId` fits, and if not the sentence the station shows in red.
 * The server's scan says the item belongs to the return; only the station knows how many of
 * it were scanned already.
 */
export function roomFor(lines: StationLine[], units: StationUnit[], lineId: string): { ok: true } | { ok: false; message: string } {
  const line = lines.find((l) => l.id === lineId)
  if (!line) return { ok: false, message: "This item is not part of the return." }
  if (line.keep_it) return { ok: false, message: `${line.title} was refunded without a return (keep it); it should not be in the parcel.` }
  if (unitsLeft(lines, units)[lineId] > 0) return { ok: true }
  const n = line.quantity
  return { ok: false, message: `All ${n} ${n === 1 ? "unit" : "units"} of ${line.title} are scanned already; this one is extra.` }
}

/**
 * The entries to submit, or the problems that stop it: scanned units grouped by line, grade,
 * disposition and location; every unit not scanned recorded as missing; each wrong item as
 * its own entry (no line, nothing restocked).
 */
export function inspectionEntries(
  lines: StationLine[],
  units: StationUnit[],
  wrongItems: WrongItem[]
): { entries: InspectionEntry[]; problems: string[] } {
  const problems: string[] = []
  const ungraded = units.filter((u) => u.grade === null).length
  if (ungraded) problems.push(`${ungraded} scanned ${ungraded === 1 ? "unit has" : "units have"} no grade yet.`)
  const homeless = units.filter((u) => u.grade !== null && u.disposition === "restock" && !u.location_id).length
  if (homeless) problems.push(`${homeless} restocked ${homeless === 1 ? "unit needs" : "units need"} a location.`)
  if (problems.length) return { entries: [], problems }

  const groups = new Map<string, InspectionEntry>()
  for (const unit of units) {
    const location_id = unit.disposition === "restock" ? unit.location_id : null
    const key = [unit.return_line_id, unit.grade, unit.disposition, location_id].join("|")
    const seen = groups.get(key)
    if (seen) seen.quantity += 1
    else
      groups.set(key, {
        return_line_id: unit.return_line_id,
        scanned_code: unit.scanned_code,
        grade: unit.grade as Grade,
        quantity: 1,
        disposition: unit.disposition,
        location_id,
        note: null,
      })
  }
  const entries = [...groups.values()]
  for (const [lineId, left] of Object.entries(unitsLeft(lines, units))) {
    if (left > 0) entries.push({ return_line_id: lineId, scanned_code: null, grade: "missing", quantity: left, disposition: "none", location_id: null, note: null })
  }
  for (const item of wrongItems) {
    entries.push({ return_line_id: null, scanned_code: item.code, grade: "wrong_item", quantity: 1, disposition: "none", location_id: null, note: null })
  }
  if (!entries.length) problems.push("Nothing to submit: scan the items in the parcel first.")
  return { entries, problems }
}

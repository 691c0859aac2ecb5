import { expectedUnits, inspectionEntries, roomFor, stationDefaults, StationLine, StationUnit, unitsLeft } from "../station"

const tees: StationLine = { id: "line_tee", title: "Classic Tee L", sku: "TEE-L", quantity: 2, keep_it: false, destination_location_id: "sloc_newark" }
const mug: StationLine = { id: "line_mug", title: "Enamel Mug", sku: "MUG-BLU", quantity: 1, keep_it: false, destination_location_id: "sloc_reno" }
const socks: StationLine = { id: "line_sock", title: "Merino Socks", sku: "SOCK-M", quantity: 1, keep_it: true, destination_location_id: null }
const lines = [tees, mug, socks]

let n = 0
const unit = (line: StationLine, grade: StationUnit["grade"], overrides: Partial<StationUnit> = {}): StationUnit => ({
  key: `u${++n}`,
  return_line_id: line.id,
  scanned_code: line.sku!,
  grade,
  ...(grade ? stationDefaults(grade, line) : { disposition: "none" as const, location_id: null }),
  ...overrides,
})

describe("stationDefaults", () => {
  it("restocks new and opened units at the line's destination and writes damaged ones off", () => {
    expect(stationDefaults("new", tees)).toEqual({ disposition: "restock", location_id: "sloc_newark" })
    expect(stationDefaults("opened", mug)).toEqual({ disposition: "restock", location_id: "sloc_reno" })
    expect(stationDefaults("damaged", tees)).toEqual({ disposition: "write_off", location_id: null })
    expect(stationDefaults("missing", tees)).toEqual({ disposition: "none", location_id: null })
    expect(stationDefaults("wrong_item", tees)).toEqual({ disposition: "none", location_id: null })
  })
})

describe("what the parcel should still hold", () => {
  it("expects every unit but the keep-it lines, and counts scanned ones off", () => {
    expect(expectedUnits(lines)).toBe(3)
    expect(unitsLeft(lines, [unit(tees, "new")])).toEqual({ line_tee: 1, line_mug: 1, line_sock: 0 })
  })

  it("refuses one unit more than the return holds, and a keep-it item, in a sentence", () => {
    const scanned = [unit(tees, "new"), unit(tees, null)]
    expect(roomFor(lines, scanned, "line_mug")).toEqual({ ok: true })
    expect(roomFor(lines, scanned, "line_tee")).toEqual({ ok: false, message: "All 2 units of Classic Tee L are scanned already; this one is extra." })
    expect(roomFor(lines, [], "line_sock")).toEqual({
      ok: false,
      message: "Merino Socks was refunded without a return (keep it); it should not be in the parcel.",
    })
  })
})

describe("inspectionEntries", () => {
  it("groups alike units, records what was not scanned as missing and each wrong item on its own", () => {
    const units = [unit(tees, "new"), unit(tees, "damaged")]
    const { entries, problems } = inspectionEntries(lines, units, [{ key: "w1", code: "HOOD-XL" }])
    expect(problems).toEqual([])
    expect(entries).toEqual([
      { return_line_id: "line_tee", scanned_code: "TEE-L", grade: "new", quantity: 1, disposition: "restock", location_id: "sloc_newark", note: null },
      { return_line_id: "line_tee", scanned_code: "TEE-L", grade: "damaged", quantity: 1, disposition: "write_off", location_id: null, note: null },
      { return_line_id: "line_mug", scanned_code: null, grade: "missing", quantity: 1, disposition: "none", location_id: null, note: null },
      { return_line_id: null, scanned_code: "HOOD-XL", grade: "wrong_item", quantity: 1, disposition: "none", location_id: null, note: null },
    ])
  })

  it("adds up units graded alike and keeps an inspector's other location apart", () => {
    const units = [unit(tees, "new"), unit(tees, "new", { location_id: "sloc_reno" }), unit(mug, "opened")]
    const { entries } = inspectionEntries(lines, units, [])
    expect(entries.map((e) => [e.return_line_id, e.grade, e.quantity, e.location_id])).toEqual([
      ["line_tee", "new", 1, "sloc_newark"],
      ["line_tee", "new", 1, "sloc_reno"],
      ["line_mug", "opened", 1, "sloc_reno"],
    ])
    const same = inspectionEntries(lines, [unit(tees, "new"), unit(tees, "new"), unit(mug, "opened")], []).entries
    expect(same[0]).toMatchObject({ return_line_id: "line_tee", grade: "new", quantity: 2 })
  })

  it("does not submit while a unit has no grade or a restocked unit has no location", () => {
    expect(inspectionEntries(lines, [unit(tees, null)], []).problems).toEqual(["1 scanned unit has no grade yet."])
    expect(inspectionEntries(lines, [unit(tees, "new", { location_id: null })], []).problems).toEqual([
      "1 restocked unit needs a location.",
    ])
  })

  it("drops the location of a unit that is not restocked", () => {
    const { entries } = inspectionEntries(lines, [unit(mug, "opened", { disposition: "refurbish" })], [])
    expect(entries[0]).toMatchObject({ grade: "opened", disposition: "refurbish", location_id: null })
  })
})

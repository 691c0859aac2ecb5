import { applyScan, scanProgress, startScan, type ScanEvent, type ScanOutcome, type ScanState } from ".."
import { pickList } from "./fixtures"

/** Two stops: 2 mugs at A-01-1-A (tote 1 and 2), then 1 cap at A-01-2-A. */
const list = () =>
  pickList(
    [
      { order: "o1", sku: "MUG", quantity: 1 },
      { order: "o2", sku: "MUG", quantity: 1 },
      { order: "o2", sku: "CAP", quantity: 1 },
    ],
    { MUG: "A-01-1-A", CAP: "A-01-2-A" },
    { MUG: 1, CAP: 2 }
  )

function run(events: ScanEvent[], state: ScanState = startScan(list())) {
  const outcomes: ScanOutcome[] = []
  for (const event of events) {
    const result = applyScan(state, event)
    state = result.state
    outcomes.push(result.outcome)
  }
  return { state, outcomes, last: outcomes[outcomes.length - 1] }
}

describe("scan-to-verify", () => {
  it("starts at the first bin of the walk", () => {
    const state = startScan(list())
    expect(state.current).toBe(0)
    expect(state.phase).toBe("bin")
    expect(scanProgress(state)).toEqual({ units_total: 3, units_picked: 0, units_short: 0, stops_done: 0, stops_total: 2, next_bin: "A-01-1-A" })
  })

  it("walks a wave through: bin, item scans, quantity, then the next bin, then done", () => {
    const { state, outcomes } = run([
      { type: "bin", code: "A-01-1-A" },
      { type: "item", code: "MUG" },
      { type: "item", code: "mug" },
      { type: "quantity", quantity: 2 },
      { type: "bin", code: "a-01-2-a" },
      { type: "item", code: list().stops[1].barcode! },
      { type: "quantity", quantity: 1 },
    ])
    expect(outcomes.map((o) => [o.ok, o.code])).toEqual([
      [true, "bin_ok"],
      [true, "item_ok"],
      [true, "item_ok"],
      [true, "stop_done"],
      [true, "bin_ok"],
      [true, "item_ok"],
      [true, "wave_done"],
    ])
    expect(outcomes[1].message).toBe("MUG: 1 of 2 counted.")
    expect(outcomes[3].message).toBe("Bin A-01-1-A done: 2 × MUG. Next: go to A-01-2-A.")
    expect(outcomes[6].message).toBe("Bin A-01-2-A done: 1 × CAP. Wave done: all 2 stops done.")
    expect(state.current).toBeNull()
    expect(scanProgress(state)).toEqual({ units_total: 3, units_picked: 3, units_short: 0, stops_done: 2, stops_total: 2, next_bin: null })
  })

  it("refuses a wrong bin and says where to go, without changing anything", () => {
    const start = startScan(list())
    const { state, last } = run([{ type: "bin", code: "A-04-1-A" }], start)
    expect(last).toEqual({ ok: false, code: "wrong_bin", message: "Wrong bin: scanned A-04-1-A, go to A-01-1-A.", stop: 0 })
    expect(state).toEqual(start)
  })

  it("refuses a wrong item and names the item the bin holds", () => {
    const { state, last } = run([
      { type: "bin", code: "A-01-1-A" },
      { type: "item", code: "CAP" },
    ])
    expect(last).toMatchObject({ ok: false, code: "wrong_item", message: "Wrong item: scanned CAP, bin A-01-1-A holds MUG." })
    expect(state.stops[0].picked).toBe(0)
    expect(state.phase).toBe("item")
  })

  it("refuses items before the bin, and a quantity before any item", () => {
    expect(run([{ type: "item", code: "MUG" }]).last).toMatchObject({ ok: false, code: "wrong_bin", message: "Scan bin A-01-1-A first, then the item." })
    expect(run([{ type: "bin", code: "A-01-1-A" }, { type: "quantity", quantity: 2 }]).last).toMatchObject({
      ok: false,
      code: "bad_quantity",
      message: "Scan MUG first, then confirm the quantity.",
    })
  })

  it("refuses an over-scan beyond the stop's quantity", () => {
    const { state, last } = run([
      { type: "bin", code: "A-01-1-A" },
      { type: "item", code: "MUG" },
      { type: "item", code: "MUG" },
      { type: "item", code: "MUG" },
    ])
    expect(last).toMatchObject({ ok: false, code: "over_scan" })
    expect(last.message).toBe("Too many: this stop needs 2 × MUG and 2 are counted. Put the extra back and confirm 2.")
    expect(state.stops[0].picked).toBe(2)
    expect(state.current).toBe(0)
  })

  it("refuses a quantity above the stop's, and keeps a lower one as a partial count", () => {
    const counted = run([
      { type: "bin", code: "A-01-1-A" },
      { type: "item", code: "MUG" },
    ]).state
    expect(run([{ type: "quantity", quantity: 3 }], counted).last).toMatchObject({
      ok: false,
      code: "bad_quantity",
      message: "This stop needs only 2 × MUG; you entered 3.",
    })
    for (const quantity of [-1, 1.5, NaN]) {
      expect(run([{ type: "quantity", quantity }], counted).last).toMatchObject({ ok: false, code: "bad_quantity" })
    }
    const partial = run([{ type: "quantity", quantity: 1 }], counted)
    expect(partial.last).toMatchObject({ ok: true, code: "item_ok" })
    expect(partial.state).toMatchObject({ current: 0, phase: "quantity" })
    expect(scanProgress(partial.state).stops_done).toBe(0)
  })

  it("records a short pick with its reason and moves on to the next bin", () => {
    const { state, last } = run([
      { type: "bin", code: "A-01-1-A" },
      { type: "item", code: "MUG" },
      { type: "short", quantity_found: 1, reason: "  bin empty " },
    ])
    expect(last).toEqual({
      ok: true,
      code: "short_recorded",
      message: "Short pick recorded at Bin A-01-1-A: 1 of 2 × MUG found, 1 missing. Next: go to A-01-2-A.",
      stop: 0,
    })
    expect(state.stops[0]).toMatchObject({ picked: 1, short: 1, short_reason: "bin empty" })
    expect(state).toMatchObject({ current: 1, phase: "bin" })
    expect(scanProgress(state)).toMatchObject({ units_picked: 1, units_short: 1, stops_done: 1, next_bin: "A-01-2-A" })
  })

  it("ends the wave on a short pick at the last stop", () => {
    const { state, last } = run([
      { type: "short", quantity_found: 0, reason: "damaged" },
      { type: "bin", code: "A-01-2-A" },
      { type: "short", quantity_found: 0, reason: "not there" },
    ])
    expect(last).toMatchObject({ ok: true, code: "short_recorded" })
    expect(last.message).toMatch(/Wave done: all 2 stops done, 2 short\.$/)
    expect(state.current).toBeNull()
    expect(scanProgress(state)).toMatchObject({ units_picked: 0, units_short: 3, stops_done: 2 })
  })

  it("refuses a short pick without a reason or with an impossible count", () => {
    expect(run([{ type: "short", quantity_found: 0, reason: " " }]).last).toMatchObject({ ok: false, code: "bad_quantity" })
    expect(run([{ type: "short", quantity_found: 2, reason: "x" }]).last.message).toBe(
      "All 2 found: confirm the quantity instead of recording a short pick."
    )
    expect(run([{ type: "short", quantity_found: 5, reason: "x" }]).last).toMatchObject({ ok: false, code: "bad_quantity" })
  })

  it("says there is nothing left once the wave is done", () => {
    const done = run([
      { type: "short", quantity_found: 0, reason: "gone" },
      { type: "short", quantity_found: 0, reason: "gone" },
    ]).state
    expect(run([{ type: "bin", code: "A-01-1-A" }], done).last).toEqual({
      ok: false,
      code: "nothing_left",
      message: "Nothing left to pick in this wave.",
    })
  })

  it("skips the bin scan for items that have no bin", () => {
    const state = startScan(pickList([{ order: "o1", sku: "LOOSE", quantity: 1 }], { LOOSE: null }))
    expect(state.phase).toBe("item")
    expect(scanProgress(state).next_bin).toBeNull()
    expect(run([{ type: "item", code: "LOOSE" }, { type: "quantity", quantity: 1 }], state).last.code).toBe("wave_done")
  })

  it("accepts the same barcode with or without leading zeros (UPC-A read as EAN-13)", () => {
    const upc = pickList([{ order: "o1", sku: "MUG", quantity: 1 }], { MUG: "A-01-1-A" })
    upc.stops[0].barcode = "012345678905"
    const state = run([{ type: "bin", code: "A-01-1-A" }], startScan(upc)).state
    expect(run([{ type: "item", code: "0012345678905" }], state).last).toMatchObject({ ok: true, code: "item_ok" })
  })

  it("never changes the state it was given", () => {
    const start = startScan(list())
    const frozen = JSON.parse(JSON.stringify(start))
    run([{ type: "bin", code: "A-01-1-A" }, { type: "item", code: "MUG" }, { type: "short", quantity_found: 1, reason: "x" }], start)
    expect(start).toEqual(frozen)
  })
})

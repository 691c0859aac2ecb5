import fc from "fast-check"
import {
  applyScan,
  binFields,
  closeStopLines,
  everyOrderPacked,
  orderWaveStatus,
  packableUnits,
  scanTotals,
  shrinkWalk,
  startScan,
  DEFAULT_WALK_ORDER,
  type WaveLineState,
} from ".."
import { pickList } from "./fixtures"

const waveLine = (over: Partial<WaveLineState> & Pick<WaveLineState, "order_id" | "line_item_id" | "inventory_item_id">): WaveLineState => ({
  id: `owl_${over.line_item_id}_${over.inventory_item_id}`,
  quantity: 1,
  quantity_planned: 1,
  picked: 0,
  status: "waiting",
  open: true,
  ...over,
})

describe("where an order stands in a wave", () => {
  const mug = { order_id: "o1", line_item_id: "li_mug", inventory_item_id: "iitem_MUG" }
  const cap = { order_id: "o1", line_item_id: "li_cap", inventory_item_id: "iitem_CAP" }

  it("waits until every line's stop is walked, then is picked, then packed", () => {
    expect(orderWaveStatus([waveLine({ ...mug, status: "picked" }), waveLine(cap)], false)).toBe("waiting")
    expect(orderWaveStatus([waveLine({ ...mug, status: "picked" }), waveLine({ ...cap, status: "picked" })], false)).toBe("picked")
    expect(orderWaveStatus([waveLine({ ...mug, status: "picked" })], true)).toBe("packed")
  })

  it("is short once a short pick took units from it, even when its stops are walked", () => {
    expect(orderWaveStatus([waveLine({ ...mug, status: "picked", quantity: 1, quantity_planned: 2 })], false)).toBe("short")
    expect(orderWaveStatus([waveLine({ ...mug, status: "short" })], false)).toBe("short")
  })

  it("packs what is picked and still owed; a kit line as many as its scarcest part", () => {
    const units = packableUnits([
      waveLine({ ...mug, quantity: 3, picked: 2 }),
      waveLine({ order_id: "o1", line_item_id: "li_kit", inventory_item_id: "iitem_LEG", quantity: 2, picked: 2 }),
      waveLine({ order_id: "o1", line_item_id: "li_kit", inventory_item_id: "iitem_TOP", quantity: 2, picked: 1 }),
      waveLine({ ...cap, quantity: 1, picked: 0 }),
      waveLine({ order_id: "o1", line_item_id: "li_gone", inventory_item_id: "iitem_X", picked: 1, open: false }),
    ])
    expect(Object.fromEntries(units)).toEqual({ li_mug: 2, li_kit: 1 })
  })

  it("counts the wave packed when every order it still ships has its pack", () => {
    const lines = [
      waveLine({ ...mug }),
      waveLine({ order_id: "o2", line_item_id: "li_2", inventory_item_id: "iitem_MUG" }),
      // o3 was re-routed away entirely: nothing left to pack for it.
      waveLine({ order_id: "o3", line_item_id: "li_3", inventory_item_id: "iitem_MUG", quantity: 0 }),
    ]
    expect(everyOrderPacked(lines, new Set(["o1"]))).toBe(false)
    expect(everyOrderPacked(lines, new Set(["o1", "o2"]))).toBe(true)
  })
})

describe("closing a stop", () => {
  /** One stop: 3 mugs, tote 1 wants 1 (o1), tote 2 wants 2 (o2). */
  const list = () => pickList([{ order: "o1", sku: "MUG", quantity: 1, line: "li_1" }, { order: "o2", sku: "MUG", quantity: 2, line: "li_2" }], { MUG: "A-01-1-A" })
  const lines = () => [
    waveLine({ order_id: "o1", line_item_id: "li_1", inventory_item_id: "iitem_MUG", quantity: 1 }),
    waveLine({ order_id: "o2", line_item_id: "li_2", inventory_item_id: "iitem_MUG", quantity: 2 }),
  ]

  it("gives each line what the totes got, in tote order, and marks the rest short", () => {
    const changes = closeStopLines(list().stops[0], 2, lines())
    expect(changes).toEqual([
      { id: "owl_li_1_iitem_MUG", picked: 1, short: 0, status: "picked" },
      { id: "owl_li_2_iitem_MUG", picked: 1, short: 1, status: "short" },
    ])
  })

  it("never hands out more units than were taken from the shelf, nor fewer than fit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), (taken) => {
        const changes = closeStopLines(list().stops[0], taken, lines())
        expect(changes.reduce((s, c) => s + c.picked, 0)).toBe(taken)
        expect(changes.reduce((s, c) => s + c.picked + c.short, 0)).toBe(3)
      })
    )
  })
})

describe("the walk after orders left the wave", () => {
  /** Two stops: mugs for o1 and o2, then a cap for o2. */
  const list = () =>
    pickList(
      [
        { order: "o1", sku: "MUG", quantity: 1, line: "li_1" },
        { order: "o2", sku: "MUG", quantity: 2, line: "li_2" },
        { order: "o2", sku: "CAP", quantity: 1, line: "li_3" },
      ],
      { MUG: "A-01-1-A", CAP: "A-01-2-A" },
      { MUG: 1, CAP: 2 }
    )
  const o1Stays = [
    waveLine({ order_id: "o1", line_item_id: "li_1", inventory_item_id: "iitem_MUG", quantity: 1 }),
    waveLine({ order_id: "o2", line_item_id: "li_2", inventory_item_id: "iitem_MUG", quantity: 0, open: false }),
    waveLine({ order_id: "o2", line_item_id: "li_3", inventory_item_id: "iitem_CAP", quantity: 0, open: false }),
  ]

  it("carries only what is still needed and drops stops left with nothing", () => {
    const { pick_list, scan_state } = shrinkWalk(list(), startScan(list()), o1Stays)
    // The pick list keeps its stops (with what they still carry); the walk skips the empty one.
    expect(pick_list.stops.map((s) => [s.sku, s.quantity])).toEqual([["MUG", 1], ["CAP", 0]])
    expect(pick_list.units).toBe(1)
    expect(scan_state.stops.map((s) => [s.sku, s.quantity])).toEqual([["MUG", 1]])
    expect(scanTotals(scan_state)).toEqual({ units_total: 1, units_picked: 0, units_short: 0 })
  })

  it("leaves walked stops as they were picked, and moves on when the current stop empties", () => {
    let state = startScan(list())
    for (const event of [
      { type: "bin", code: "A-01-1-A" },
      { type: "item", code: "MUG" },
      { type: "item", code: "MUG" },
      { type: "item", code: "MUG" },
      { type: "quantity", quantity: 3 },
    ] as const) {
      state = applyScan(state, event).state
    }
    // The mug stop is walked (3 picked); o2 then leaves: the cap stop, the current one, drops out.
    const { pick_list, scan_state } = shrinkWalk(list(), state, o1Stays)
    expect(pick_list.stops.map((s) => [s.sku, s.quantity])).toEqual([["MUG", 3], ["CAP", 0]])
    expect(scan_state.stops.map((s) => [s.sku, s.picked])).toEqual([["MUG", 3]])
    expect(scan_state.current).toBeNull()
    expect(scanTotals(scan_state)).toEqual({ units_total: 3, units_picked: 3, units_short: 0 })
  })
})

describe("a bin's stored fields", () => {
  it("derives the walk sequence from the code unless a person set one", () => {
    const derived = binFields({ stock_location_id: "sloc", inventory_item_id: "iitem", code: " a-01-2-b " }, undefined, DEFAULT_WALK_ORDER)
    expect(derived).toMatchObject({ code: "A-01-2-B", walk_sequence_source: "code" })
    expect(typeof derived.walk_sequence).toBe("number")

    const manual = binFields({ stock_location_id: "sloc", inventory_item_id: "iitem", code: "A-01-2-B", walk_sequence: 7 }, undefined, DEFAULT_WALK_ORDER)
    expect(manual).toEqual({ code: "A-01-2-B", walk_sequence: 7, walk_sequence_source: "manual" })
  })

  it("keeps a hand-set sequence when the edit does not mention it, and derives again when told to (null)", () => {
    const existing = { walk_sequence: 7, walk_sequence_source: "manual" as const }
    const row = { stock_location_id: "sloc", inventory_item_id: "iitem", code: "B-02-1-A" }
    expect(binFields(row, existing, DEFAULT_WALK_ORDER)).toEqual({ code: "B-02-1-A", walk_sequence: 7, walk_sequence_source: "manual" })
    expect(binFields({ ...row, walk_sequence: null }, existing, DEFAULT_WALK_ORDER)).toMatchObject({ walk_sequence_source: "code" })
  })
})

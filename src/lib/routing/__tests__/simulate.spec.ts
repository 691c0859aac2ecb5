import { defaultRuleSet, planAllocation } from ".."
import { compareReplay, describeChange, summarise } from "../simulate"
import type { Remainder, Shipment } from "../types"
import { location, order } from "./fixtures"

const newarkPoint = { lat: 40.7357, lng: -74.1724 }
const renoPoint = { lat: 39.5296, lng: -119.8138 }

const shipment = (location_id: string, lines: Record<string, number>, distance_km: number | null): Shipment => ({
  location_id,
  location_name: location_id,
  lines: Object.entries(lines).map(([item, quantity]) => ({ line_id: `line_${item}`, inventory_item_id: item, quantity })),
  value: 10,
  distance_km,
})
const short = (item: string, quantity: number): Remainder => ({
  line_id: `line_${item}`,
  inventory_item_id: item,
  quantity,
  reason: "no stock",
})

describe("compareReplay", () => {
  it("sees no change when the draft ships the same units from the same places", () => {
    const live = { shipments: [shipment("newark", { mug: 2 }, 316.04)], unallocated: [] }
    const row = compareReplay(live, { shipments: [shipment("newark", { mug: 2 }, 316.04)], unallocated: [] })
    expect(row).toEqual({
      live: { locations: ["newark"], shipments: 1, km: 316, unallocated_units: 0 },
      draft: { locations: ["newark"], shipments: 1, km: 316, unallocated_units: 0 },
      changed: false,
    })
  })

  it("counts a split, its kilometres and what is left unplaced", () => {
    const live = { shipments: [shipment("reno", { mug: 1, tee: 1 }, 4000)], unallocated: [] }
    const draft = {
      shipments: [shipment("newark", { mug: 1 }, 300.25), shipment("austin", { tee: 1 }, null)],
      unallocated: [short("cap", 3)],
    }
    const row = compareReplay(live, draft)
    expect(row.draft).toEqual({ locations: ["austin", "newark"], shipments: 2, km: 300.3, unallocated_units: 3 })
    expect(row.changed).toBe(true)
  })

  it("notices the same locations shipping different lines", () => {
    const live = { shipments: [shipment("a", { mug: 1 }, 1), shipment("b", { tee: 1 }, 1)], unallocated: [] }
    const draft = { shipments: [shipment("a", { tee: 1 }, 1), shipment("b", { mug: 1 }, 1)], unallocated: [] }
    expect(compareReplay(live, draft).changed).toBe(true)
  })

  it("compares a real plan with the plan of a rule set that leaves the nearest warehouse out", () => {
    const input = order({ mug: 2 }, [
      location("reno", { point: renoPoint, units: { mug: 10 } }),
      location("newark", { point: newarkPoint, units: { mug: 10 } }),
    ])
    const live = planAllocation(input)
    const draft = planAllocation({
      ...input,
      rule_set: {
        ...defaultRuleSet(),
        rules: [{ kind: "filter", type: "exclude_locations", params: { location_ids: ["newark"] } }, ...defaultRuleSet().rules],
      },
    })
    const row = compareReplay(live, draft)
    expect(row.live.locations).toEqual(["newark"])
    expect(row.draft.locations).toEqual(["reno"])
    expect(row.draft.km).toBeGreaterThan(row.live.km)
    expect(row.changed).toBe(true)
  })
})

describe("summarise", () => {
  const rows = [
    compareReplay(
      { shipments: [shipment("newark", { mug: 1 }, 100)], unallocated: [] },
      { shipments: [shipment("reno", { mug: 1 }, 400)], unallocated: [] }
    ),
    compareReplay(
      { shipments: [shipment("newark", { mug: 1 }, 50), shipment("reno", { tee: 1 }, 250)], unallocated: [] },
      { shipments: [shipment("reno", { mug: 1, tee: 1 }, 250)], unallocated: [] }
    ),
    compareReplay(
      { shipments: [], unallocated: [short("cap", 2)] },
      { shipments: [], unallocated: [short("cap", 2)] }
    ),
    compareReplay(
      { shipments: [shipment("newark", { mug: 1 }, 10)], unallocated: [] },
      { shipments: [shipment("newark", { mug: 1 }, 10)], unallocated: [] }
    ),
  ]

  it("adds up live and draft and says the difference", () => {
    const totals = summarise(rows)
    expect(totals.orders).toBe(4)
    expect(totals.changed).toBe(2)
    expect(totals.live).toEqual({
      orders: 4,
      shipments: 4,
      split_orders: 1,
      split_rate: 0.25,
      km: 410,
      unallocated_units: 2,
      load: { newark: 3, reno: 1 },
      capacity_breaches: 0,
    })
    expect(totals.draft).toEqual({
      orders: 4,
      shipments: 3,
      split_orders: 0,
      split_rate: 0,
      km: 660,
      unallocated_units: 2,
      load: { reno: 2, newark: 1 },
      capacity_breaches: 0,
    })
    expect(totals.delta).toEqual({
      shipments: -1,
      split_orders: -1,
      split_rate: -0.25,
      km: 250,
      unallocated_units: 0,
      load: { newark: -2, reno: 1 },
      capacity_breaches: 0,
    })
  })

  it("gives zeros, not NaN, for no orders", () => {
    const totals = summarise([])
    expect(totals.live.split_rate).toBe(0)
    expect(totals.delta).toEqual({ shipments: 0, split_orders: 0, split_rate: 0, km: 0, unallocated_units: 0, load: {}, capacity_breaches: 0 })
  })

  it("counts orders a side sends beyond a location's daily capacity, per day", () => {
    // Reno takes 2 orders a day and already had 1 on the 1st. The draft sends both orders of
    // the 1st and the one of the 2nd to Reno: one order too many on the 1st, none on the 2nd.
    const toReno = compareReplay(
      { shipments: [shipment("newark", { mug: 1 }, 100)], unallocated: [] },
      { shipments: [shipment("reno", { mug: 1 }, 400)], unallocated: [] }
    )
    const day = (d: string, used: number) => ({ day: d, capacity: { reno: { limit: 2, used } } })
    const totals = summarise([
      { ...toReno, ...day("2026-11-01", 1) },
      { ...toReno, ...day("2026-11-01", 1) },
      { ...toReno, ...day("2026-11-02", 0) },
    ])
    expect(totals.live.capacity_breaches).toBe(0)
    expect(totals.draft.capacity_breaches).toBe(1)
    expect(totals.delta.capacity_breaches).toBe(1)
  })
})

describe("describeChange", () => {
  const names = { newark: "Newark DC", reno: "Reno" }

  it("says nothing when the draft agrees with the live decision", () => {
    const live = { shipments: [shipment("newark", { mug: 2 }, 316)], unallocated: [] }
    expect(describeChange(compareReplay(live, live), names)).toBe("")
  })

  it("names the locations, shipments and distance that differ", () => {
    const live = { shipments: [shipment("newark", { mug: 2 }, 316)], unallocated: [] }
    const draft = { shipments: [shipment("reno", { mug: 1 }, 2410), shipment("newark", { mug: 1 }, 316)], unallocated: [] }
    expect(describeChange(compareReplay(live, draft), names)).toBe(
      "Ships from Newark DC + Reno instead of Newark DC; 2 shipments instead of 1; 2,726 km instead of 316 km"
    )
  })

  it("reports units the draft cannot place", () => {
    const live = { shipments: [shipment("newark", { mug: 2 }, 316)], unallocated: [] }
    const draft = { shipments: [shipment("newark", { mug: 1 }, 316)], unallocated: [short("mug", 1)] }
    expect(describeChange(compareReplay(live, draft), names)).toBe(
      "Ships other units from Newark DC; 1 unit(s) not placed instead of 0"
    )
  })
})

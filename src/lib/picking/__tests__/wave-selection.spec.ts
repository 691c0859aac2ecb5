import { selectWaveOrders, type WaveCandidate } from ".."
import { waveCandidate as candidate } from "./fixtures"

const now = new Date("2025-06-02T12:00:00Z")

const orders = [
  candidate(1004, "2025-06-02T11:50:00Z", [1], "so_express"),
  candidate(1002, "2025-06-02T09:00:00Z", [2]),
  candidate(1001, "2025-06-02T09:00:00Z", [1, 1]),
  candidate(1003, "2025-06-01T18:00:00Z", [1]),
  candidate(1005, "2025-06-01T17:00:00Z", [0]),
]
const ids = (selected: WaveCandidate[]) => selected.map((o) => o.display_id)

describe("selectWaveOrders", () => {
  it("takes the oldest orders first, display id breaking ties, and never an order with nothing to pick", () => {
    expect(ids(selectWaveOrders(orders, {}, now))).toEqual([1003, 1001, 1002, 1004])
  })

  it("filters by shipping option, cut-off time and order age", () => {
    expect(ids(selectWaveOrders(orders, { shipping_option_ids: ["so_express"] }, now))).toEqual([1004])
    expect(ids(selectWaveOrders(orders, { placed_before: "2025-06-02T09:00:00Z" }, now))).toEqual([1003])
    expect(ids(selectWaveOrders(orders, { min_age_minutes: 30 }, now))).toEqual([1003, 1001, 1002])
  })

  it("separates single-unit orders from multi-unit ones", () => {
    expect(ids(selectWaveOrders(orders, { kind: "single" }, now))).toEqual([1003, 1004])
    expect(ids(selectWaveOrders(orders, { kind: "multi" }, now))).toEqual([1001, 1002])
    expect(ids(selectWaveOrders(orders, { kind: "any" }, now))).toHaveLength(4)
  })

  it("stops at the maximum number of orders, keeping those that waited longest", () => {
    expect(ids(selectWaveOrders(orders, { max_orders: 2 }, now))).toEqual([1003, 1001])
    expect(ids(selectWaveOrders(orders, { kind: "multi", max_orders: 1 }, now))).toEqual([1001])
  })
})

import { DEFINITIONS, isMetricKey, metricDefinitions } from "../definitions"
import { History, referenceMetric, ReferenceFilters } from "../reference"
import { assembleMetric } from "../report"
import { metricPeriods } from "../range"
import { METRIC_KEYS } from "../types"

const UTC: ReferenceFilters = { from: "2026-11-01", to: "2026-11-07", timezone: "UTC" }
const t = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour)).toISOString()

/**
 * A small week at two warehouses: A (Newark) and B (Reno).
 *  o1: placed Nov 1 10:00, routed 1 h later, one parcel from A shipped after 10 h, delivered after 48 h
 *  o2: placed Nov 1 12:00, split over A and B; A ships after 6 h, B after 30 h (partial until then)
 *  o3: placed Nov 2 09:00, routed, never shipped
 *  o4: placed Nov 2 20:00, 3 units; only 2 shipped (a partial shipment that stays partial)
 */
const history: History = {
  orders: [
    { id: "o1", placed_at: t(1, 10), sales_channel_id: "web", units: 2, routed: { at: t(1, 11), location_ids: ["A"], shipments: [{ location_id: "A", distance_km: 300 }] } },
    {
      id: "o2",
      placed_at: t(1, 12),
      sales_channel_id: "web",
      units: 2,
      routed: { at: t(1, 14), location_ids: ["A", "B"], shipments: [{ location_id: "A", distance_km: 100 }, { location_id: "B", distance_km: null }] },
    },
    { id: "o3", placed_at: t(2, 9), sales_channel_id: "shop", units: 1, routed: { at: t(2, 10), location_ids: ["B"], shipments: [{ location_id: "B", distance_km: 50 }] } },
    { id: "o4", placed_at: t(2, 20), sales_channel_id: "web", units: 3, routed: { at: t(2, 23), location_ids: ["A"], shipments: [{ location_id: "A", distance_km: 20 }] } },
  ],
  parcels: [
    { order_id: "o1", location_id: "A", created_at: t(1, 15), shipped_at: t(1, 20), delivered_at: t(3, 10), lines: [{ line_id: "l1", product_id: "tee", quantity: 2 }] },
    { order_id: "o2", location_id: "A", created_at: t(1, 16), shipped_at: t(1, 18), delivered_at: t(3, 12), lines: [{ line_id: "l2", product_id: "tee", quantity: 1 }] },
    { order_id: "o2", location_id: "B", created_at: t(2, 12), shipped_at: t(2, 18), delivered_at: null, lines: [{ line_id: "l3", product_id: "mug", quantity: 1 }] },
    { order_id: "o4", location_id: "A", created_at: t(3, 8), shipped_at: t(3, 9), lines: [{ line_id: "l4", product_id: "tee", quantity: 2 }] },
    { order_id: "o4", location_id: "A", created_at: t(3, 8), canceled: true, lines: [{ line_id: "l4", product_id: "tee", quantity: 1 }] },
  ],
  waves: [
    { id: "w1", location_id: "A", picked_at: t(1, 14), wrong_scans: 3, lines: [{ order_id: "o1", short: false }, { order_id: "o2", short: true }], packed: { o1: t(1, 15) } },
    { id: "w2", location_id: "B", picked_at: null, wrong_scans: 1, lines: [{ order_id: "o2", short: false }] },
    { id: "w3", location_id: "A", picked_at: t(1, 13), canceled: true, wrong_scans: 9, lines: [{ order_id: "o1", short: true }] },
  ],
  labels: [
    { order_id: "o1", location_id: "A", carrier: "ups", amount: 8, purchased_at: t(1, 15), days: 2, delivered_at: t(3, 10) },
    { order_id: "o2", location_id: "A", carrier: "ups", amount: 6, purchased_at: t(1, 16), days: 1, delivered_at: t(3, 12) },
    { order_id: "o2", location_id: "B", carrier: "dhl", amount: 12, purchased_at: t(2, 12), days: null, delivered_at: null },
    { order_id: "o1", location_id: "A", carrier: "ups", amount: 99, purchased_at: t(1, 15), days: 2, voided: true },
  ],
  returns: [
    // One of o1's two units comes back: a part return counts one unit, not the order.
    { order_id: "o1", requested_at: t(4, 10), resolved_at: t(5, 10), destination_location_id: "A", lines: [{ line_id: "l1", quantity: 1, reason: "wrong_size" }] },
    { order_id: "o2", requested_at: t(4, 12), resolved_at: null, destination_location_id: "A", lines: [{ line_id: "l2", quantity: 1 }] },
    { order_id: "o2", requested_at: t(4, 12), canceled: true, lines: [{ line_id: "l3", quantity: 1 }] },
  ],
  stock: { A: 70, B: 14 },
}

const metric = (key: Parameters<typeof referenceMetric>[0], filters: Partial<ReferenceFilters> = {}) =>
  referenceMetric(key, history, { ...UTC, ...filters })

describe("the definitions", () => {
  it("define every metric key once, with a sentence and the filters it takes", () => {
    expect(Object.keys(DEFINITIONS).sort()).toEqual([...METRIC_KEYS].sort())
    for (const d of metricDefinitions()) {
      expect(d.description).toMatch(/^[A-Z].+\.$/)
      expect(d.label).toBeTruthy()
    }
    expect(DEFINITIONS.placed_to_shipped.description).toMatch(/LAST parcel/)
    expect(DEFINITIONS.wrong_scans_per_100_lines.filters).not.toContain("sales_channel_id")
    expect(isMetricKey("split_rate")).toBe(true)
    expect(isMetricKey("speed")).toBe(false)
  })
})

describe("lead times over the orders placed in the range", () => {
  it("leaves orders never shipped out instead of counting them as 0", () => {
    // o1 shipped after 10 h; o2's last parcel after 30 h; o3 never shipped; o4 only partly.
    expect(metric("placed_to_shipped")).toEqual({ value: 20, p50: 20, p90: 28, count: 2 })
  })

  it("counts an order shipped when its LAST parcel ships, and delivered when every unit is", () => {
    // o2 shipped 6 h after placing from A, but its B parcel left after 30 h: the order counts 30 h.
    expect(metric("placed_to_shipped", { location_id: "B" })).toEqual({ value: 30, p50: 30, p90: 30, count: 1 })
    expect(metric("placed_to_shipped", { location_id: "A" })).toEqual({ value: 8, p50: 8, p90: 9.6, count: 2 })
    // o2's B parcel is not delivered: only o1 is delivered (48 h).
    expect(metric("placed_to_delivered")).toEqual({ value: 48, p50: 48, p90: 48, count: 1 })
    expect(metric("parcels_per_order")).toEqual({ value: 1.5, count: 2 })
  })

  it("routes, picks and packs: a wave still picking holds the order back; a canceled wave never counts", () => {
    expect(metric("placed_to_routed")).toEqual({ value: 1.5, p50: 1.5, p90: 2.7, count: 4 })
    // o1 picked by w1 after 4 h (w3 was canceled); o2 waits for w2 at B.
    expect(metric("placed_to_picked")).toEqual({ value: 4, p50: 4, p90: 4, count: 1 })
    expect(metric("placed_to_packed")).toEqual({ value: 5, p50: 5, p90: 5, count: 1 })
  })

  it("answers null with count 0 for an empty range", () => {
    const empty = { from: "2026-12-01", to: "2026-12-31" }
    expect(metric("placed_to_shipped", empty)).toEqual({ value: null, p50: null, p90: null, count: 0 })
    expect(metric("split_rate", empty)).toEqual({ value: null, count: 0 })
    expect(metric("stock_cover_days", empty)).toEqual({ value: null, count: 0 })
  })

  it("reads the range in the store's time zone", () => {
    // o4 was placed Nov 2 20:00 UTC = Nov 3 05:00 in Tokyo: inside Nov 1-2 in UTC, outside in Tokyo.
    expect(metric("placed_to_routed", { to: "2026-11-02" }).count).toBe(4)
    expect(metric("placed_to_routed", { to: "2026-11-02", timezone: "Asia/Tokyo" }).count).toBe(3)
    // And an order at 23:30 local on Nov 2 in New York (04:30 UTC on Nov 3) belongs to Nov 2 there.
    const late: History = { orders: [{ id: "x", placed_at: "2026-11-03T04:30:00.000Z", units: 1, routed: { at: "2026-11-03T05:30:00.000Z", location_ids: ["A"], shipments: [] } }] }
    const ny = { from: "2026-11-02", to: "2026-11-02", timezone: "America/New_York" }
    expect(referenceMetric("placed_to_routed", late, ny).count).toBe(1)
    expect(referenceMetric("placed_to_routed", late, { ...ny, timezone: "UTC" }).count).toBe(0)
  })
})

describe("routing, floor, labels, returns and stock", () => {
  it("splits, kilometres, sales channels", () => {
    expect(metric("split_rate")).toEqual({ value: 25, count: 4 })
    // 300 + 100 (+ B without a distance: 0) + 50 + 20 over 4 orders.
    expect(metric("distance_per_order")).toEqual({ value: 117.5, count: 4 })
    expect(metric("placed_to_routed", { sales_channel_id: "shop" })).toEqual({ value: 1, p50: 1, p90: 1, count: 1 })
  })

  it("counts wrong scans and short picks per 100 lines of waves picked in the range", () => {
    expect(metric("wrong_scans_per_100_lines")).toEqual({ value: 150, count: 2 })
    expect(metric("short_picks_per_100_lines")).toEqual({ value: 50, count: 2 })
    expect(metric("wrong_scans_per_100_lines", { location_id: "B" })).toEqual({ value: null, count: 0 })
  })

  it("costs labels per order (voided left out) and judges delivery against the promised days", () => {
    expect(metric("label_cost_per_order")).toEqual({ value: 13, count: 2 })
    expect(metric("label_cost_per_order", { carrier: "dhl" })).toEqual({ value: 12, count: 1 })
    // o1: bought Nov 1, 2 days -> by Nov 3, delivered Nov 3: on time. o2: 1 day -> by Nov 2, delivered Nov 3: late.
    expect(metric("on_time_delivery")).toEqual({ value: 50, count: 2 })
  })

  it("rates part returns by their units and leaves canceled cases out", () => {
    // Fulfilled in the range: 2 + 1 + 1 + 2 = 6 units (the canceled parcel not); asked back 1 + 1.
    expect(metric("return_rate")).toEqual({ value: 33.33, count: 6 })
    expect(metric("return_rate", { location_id: "B" })).toEqual({ value: 0, count: 1 })
    // Only o1's case is resolved: 24 h.
    expect(metric("return_to_resolution")).toEqual({ value: 24, p50: 24, p90: 24, count: 1 })
  })

  it("covers stock on hand at the range's daily shipping rate", () => {
    // 6 units shipped in 7 days; 84 on hand -> 98 days. At B: 1 unit in 7 days, 14 on hand.
    expect(metric("stock_cover_days")).toEqual({ value: 98, count: 6 })
    expect(metric("stock_cover_days", { location_id: "B" })).toEqual({ value: 98, count: 1 })
  })
})

describe("assembling the aggregate rows", () => {
  it("fills every bucket of the range, null where nothing was measured, and divides stock by the bucket's own days", () => {
    const periods = metricPeriods("2026-11-01", "2026-11-03", "UTC")
    const row = (over: Record<string, unknown>) => ({ label: null, n: 0, num: null, den: null, units: null, p50: null, p90: null, key: null, ...over }) as any
    const duration = assembleMetric(
      "placed_to_shipped",
      [row({ period: "current", dim: "total", n: 2, p50: 20, p90: 28 }), row({ period: "current", dim: "bucket", key: "2026-11-01", n: 2, p50: 20, p90: 28 })],
      periods,
      "day"
    )
    expect(duration.current).toEqual({ value: 20, p50: 20, p90: 28, count: 2 })
    expect(duration.previous).toEqual({ value: null, p50: null, p90: null, count: 0 })
    expect(duration.series.map((p) => [p.bucket, p.value, p.count])).toEqual([
      ["2026-11-01", 20, 2],
      ["2026-11-02", null, 0],
      ["2026-11-03", null, 0],
    ])
    const cover = assembleMetric(
      "stock_cover_days",
      [
        row({ period: "current", dim: "total", n: 3, num: 6 }),
        row({ period: "current", dim: "bucket", key: "2026-11-02", n: 1, num: 2 }),
        row({ period: "now", dim: "stock", key: "A", n: 1, num: 30 }),
        row({ period: "now", dim: "stock", key: "B", n: 1, num: 10 }),
      ],
      periods,
      "day"
    )
    // 40 on hand / (6 units / 3 days) = 20 days; Nov 2 alone: 40 / 2 = 20; Nov 1: nothing shipped.
    expect(cover.current).toEqual({ value: 20, count: 6 })
    expect(cover.series.map((p) => p.value)).toEqual([null, 20, null])
    expect(Object.keys(cover.dims.location).sort()).toEqual(["A", "B"])
  })
})

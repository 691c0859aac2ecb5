import { DEFINITIONS } from "./definitions"
import { percentile, roundMetric } from "./percentile"
import { localDay, metricRange } from "./range"
import type { MetricKey, MetricValue } from "./types"

/**
 * The definitions computed the slow and obvious way over a small in-memory history: what the
 * aggregate SQL must agree with. Used by the unit tests (edge cases by hand) and as the
 * readable statement of what each number counts. Times are ISO instants.
 */
export type HistoryOrder = {
  id: string
  placed_at: string
  sales_channel_id?: string
  /** Units of the order (its current version). */
  units: number
  /** The routing decision, when it placed units (routed or partially routed). */
  routed?: { at: string; location_ids: string[]; shipments: { location_id: string; distance_km: number | null }[] }
}

export type HistoryParcel = {
  order_id: string
  location_id: string
  /** When the fulfillment was created (the return rate's cohort). */
  created_at: string
  shipped_at?: string | null
  delivered_at?: string | null
  canceled?: boolean
  lines: { line_id: string; product_id?: string; quantity: number }[]
}

export type HistoryWave = {
  id: string
  location_id: string
  picked_at?: string | null
  canceled?: boolean
  wrong_scans: number
  lines: { order_id: string; short: boolean }[]
  /** order id -> when it was packed from this wave. */
  packed?: Record<string, string>
}

export type HistoryLabel = {
  order_id: string
  location_id: string
  carrier: string
  amount: number
  purchased_at: string
  /** Transit days of the bought rate; null when the carrier gave none. */
  days: number | null
  /** The first delivered tracking event. */
  delivered_at?: string | null
  voided?: boolean
}

export type HistoryReturn = {
  order_id: string
  requested_at: string
  resolved_at?: string | null
  canceled?: boolean
  destination_location_id?: string
  lines: { line_id: string; quantity: number; reason?: string }[]
}

export type History = {
  orders: HistoryOrder[]
  parcels?: HistoryParcel[]
  waves?: HistoryWave[]
  labels?: HistoryLabel[]
  returns?: HistoryReturn[]
  /** Units on hand now per location. */
  stock?: Record<string, number>
}

export type ReferenceFilters = { from: string; to: string; timezone: string; location_id?: string; sales_channel_id?: string; carrier?: string }

const hours = (a: string, b: string) => Math.max((Date.parse(b) - Date.parse(a)) / 3_600_000, 0)
const maxOf = (values: string[]) => values.reduce((m, v) => (Date.parse(v) > Date.parse(m) ? v : m))

export function referenceMetric(key: MetricKey, history: History, f: ReferenceFilters): MetricValue {
  const range = metricRange(f.from, f.to, f.timezone)
  const inRange = (at: string | null | undefined) => !!at && Date.parse(at) >= range.start.getTime() && Date.parse(at) < range.end.getTime()
  const orders = new Map(history.orders.map((o) => [o.id, o]))
  const channelOk = (orderId: string | null) =>
    !f.sales_channel_id || (orderId !== null && orders.get(orderId)?.sales_channel_id === f.sales_channel_id)
  const placed = history.orders.filter((o) => inRange(o.placed_at) && channelOk(o.id))
  const parcels = (history.parcels ?? []).filter((p) => !p.canceled)
  const waves = (history.waves ?? []).filter((w) => !w.canceled)
  const loc = f.location_id
  const takesLocation = DEFINITIONS[key].filters.includes("location_id")
  const at = (location: string) => !loc || !takesLocation || location === loc
  const carrierOk = (orderId: string, parcelLocations?: string[]) =>
    !f.carrier ||
    (history.labels ?? []).some(
      (l) => !l.voided && l.order_id === orderId && l.carrier === f.carrier && (!parcelLocations || parcelLocations.includes(l.location_id))
    )

  const durations = (values: number[]): MetricValue => ({
    value: roundMetric(percentile(values, 0.5)),
    p50: roundMetric(percentile(values, 0.5)),
    p90: roundMetric(percentile(values, 0.9)),
    count: values.length,
  })
  const ratio = (num: number, den: number): MetricValue => ({
    value: den > 0 ? roundMetric((num / den) * DEFINITIONS[key].scale) : null,
    count: den,
  })

  switch (key) {
    case "placed_to_routed":
      return durations(placed.filter((o) => o.routed && o.routed.location_ids.some(at)).map((o) => hours(o.placed_at, o.routed!.at)))
    case "split_rate": {
      const routed = placed.filter((o) => o.routed && o.routed.location_ids.some(at))
      return ratio(routed.filter((o) => o.routed!.location_ids.length > 1).length, routed.length)
    }
    case "distance_per_order": {
      const routed = placed.filter((o) => o.routed && o.routed.location_ids.some(at))
      const km = routed.reduce((s, o) => s + o.routed!.shipments.filter((x) => at(x.location_id)).reduce((t, x) => t + (x.distance_km ?? 0), 0), 0)
      return ratio(km, routed.length)
    }
    case "placed_to_picked":
    case "placed_to_packed": {
      const values: number[] = []
      for (const o of placed) {
        const mine = waves.filter((w) => at(w.location_id) && w.lines.some((l) => l.order_id === o.id))
        if (!mine.length) continue
        const times = mine.map((w) => (key === "placed_to_picked" ? w.picked_at : w.packed?.[o.id]) ?? null)
        if (times.some((t) => !t)) continue
        values.push(hours(o.placed_at, maxOf(times as string[])))
      }
      return durations(values)
    }
    case "wrong_scans_per_100_lines": {
      const picked = waves.filter((w) => inRange(w.picked_at) && at(w.location_id))
      return ratio(picked.reduce((s, w) => s + w.wrong_scans, 0), picked.reduce((s, w) => s + w.lines.length, 0))
    }
    case "short_picks_per_100_lines": {
      const lines = waves.filter((w) => inRange(w.picked_at) && at(w.location_id)).flatMap((w) => w.lines).filter((l) => channelOk(l.order_id))
      return ratio(lines.filter((l) => l.short).length, lines.length)
    }
    case "placed_to_shipped":
    case "placed_to_delivered":
    case "parcels_per_order": {
      const column = key === "placed_to_delivered" ? "delivered_at" : "shipped_at"
      const values: number[] = []
      let count = 0
      let orderCount = 0
      for (const o of placed) {
        const all = parcels.filter((p) => p.order_id === o.id)
        const done = all.filter((p) => p[column])
        const units = done.reduce((s, p) => s + p.lines.reduce((t, l) => t + l.quantity, 0), 0)
        // Shipped (delivered) once every unit has: the last parcel's time.
        if (o.units <= 0 || units < o.units || done.length < all.length) continue
        const here = all.filter((p) => at(p.location_id))
        if (!here.length) continue
        if (key === "parcels_per_order") {
          count += here.length
          orderCount += 1
          continue
        }
        if (!carrierOk(o.id)) continue
        values.push(hours(o.placed_at, maxOf(here.map((p) => p[column]!))))
      }
      return key === "parcels_per_order" ? ratio(count, orderCount) : durations(values)
    }
    case "label_cost_per_order": {
      const bought = (history.labels ?? []).filter(
        (l) => !l.voided && inRange(l.purchased_at) && at(l.location_id) && (!f.carrier || l.carrier === f.carrier) && channelOk(l.order_id)
      )
      return ratio(bought.reduce((s, l) => s + l.amount, 0), new Set(bought.map((l) => l.order_id)).size)
    }
    case "on_time_delivery": {
      const delivered = (history.labels ?? []).filter(
        (l) => !l.voided && l.days !== null && inRange(l.delivered_at) && at(l.location_id) && (!f.carrier || l.carrier === f.carrier) && channelOk(l.order_id)
      )
      const onTime = delivered.filter((l) => {
        const promised = new Date(Date.parse(`${localDay(new Date(l.purchased_at), f.timezone)}T00:00:00Z`) + l.days! * 86_400_000)
        return localDay(new Date(l.delivered_at!), f.timezone) <= promised.toISOString().slice(0, 10)
      })
      return ratio(onTime.length, delivered.length)
    }
    case "return_rate": {
      // Units of fulfillments created in the range, and of those the units asked back so far.
      const fulfilled = new Map<string, number>()
      for (const p of parcels) {
        if (!inRange(p.created_at) || !at(p.location_id) || !channelOk(p.order_id)) continue
        for (const l of p.lines) fulfilled.set(l.line_id, (fulfilled.get(l.line_id) ?? 0) + l.quantity)
      }
      const asked = new Map<string, number>()
      for (const r of history.returns ?? []) {
        if (r.canceled) continue
        for (const l of r.lines) asked.set(l.line_id, (asked.get(l.line_id) ?? 0) + l.quantity)
      }
      let units = 0
      let back = 0
      for (const [line, n] of fulfilled) {
        units += n
        back += Math.min(n, asked.get(line) ?? 0)
      }
      return ratio(back, units)
    }
    case "return_to_resolution":
      return durations(
        (history.returns ?? [])
          .filter((r) => !r.canceled && r.resolved_at && inRange(r.requested_at) && channelOk(r.order_id))
          .filter((r) => !loc || r.destination_location_id === loc)
          .map((r) => hours(r.requested_at, r.resolved_at!))
      )
    case "stock_cover_days": {
      const shipped = parcels
        .filter((p) => inRange(p.shipped_at) && at(p.location_id))
        .reduce((s, p) => s + p.lines.reduce((t, l) => t + l.quantity, 0), 0)
      const stock = Object.entries(history.stock ?? {})
        .filter(([location]) => at(location))
        .reduce((s, [, n]) => s + n, 0)
      return { value: shipped > 0 ? roundMetric(stock / (shipped / range.days)) : null, count: shipped }
    }
  }
}

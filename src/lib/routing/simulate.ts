import type { Placement, Plan, Remainder, Shipment } from "./types"

/** What one plan (live or draft) does for an order, in the numbers a person compares. */
export interface ReplaySide {
  /** Locations that ship, sorted. */
  locations: string[]
  shipments: number
  /** Sum of the shipments' distances (km, one decimal); shipments without a distance count 0. */
  km: number
  unallocated_units: number
}

/** One replayed order: the live decision next to the draft rule set's plan. */
export interface ReplayComparison {
  live: ReplaySide
  draft: ReplaySide
  /** True when the draft ships different units from different places, or leaves different units. */
  changed: boolean
  /** How the replay placed the destination (absent in rows replayed before it was kept). */
  placement?: Placement | null
}

export interface SideTotals {
  orders: number
  shipments: number
  /** Orders shipped in more than one parcel stream. */
  split_orders: number
  /** split_orders / orders (0 when there are no orders). */
  split_rate: number
  km: number
  unallocated_units: number
  /** Orders each location ships (part of). */
  load: Record<string, number>
  /**
   * Orders sent to a location beyond its daily capacity, summed over locations and days (the
   * day's orders before the window count, as the first replayed order of that day saw them).
   */
  capacity_breaches: number
}

/**
 * When and against which daily capacities an order was decided: the day in the store's time
 * zone, and for each location with a daily capacity its limit and the orders it already had.
 */
export interface ReplayDay {
  day: string
  capacity: Record<string, { limit: number; used: number }>
}

export interface ReplayTotals {
  orders: number
  changed: number
  live: SideTotals
  draft: SideTotals
  /** draft minus live. */
  delta: Omit<SideTotals, "orders">
}

type Outcome = { shipments: Shipment[]; unallocated: Remainder[] }

/** Compares the live plan of an order with the plan a draft rule set makes on the same input. */
export function compareReplay(live: Outcome, draftPlan: Pick<Plan, "shipments" | "unallocated">): ReplayComparison {
  return {
    live: side(live),
    draft: side(draftPlan),
    changed: allocationKey(live) !== allocationKey(draftPlan),
  }
}

/** Adds the rows up, for live and draft, and the difference. Rows without a day count no breaches. */
export function summarise(rows: (ReplayComparison & Partial<ReplayDay>)[]): ReplayTotals {
  const live = { ...total(rows.map((r) => r.live)), capacity_breaches: breaches(rows, "live") }
  const draft = { ...total(rows.map((r) => r.draft)), capacity_breaches: breaches(rows, "draft") }
  const load: Record<string, number> = {}
  for (const id of new Set([...Object.keys(live.load), ...Object.keys(draft.load)])) {
    load[id] = (draft.load[id] ?? 0) - (live.load[id] ?? 0)
  }
  return {
    orders: rows.length,
    changed: rows.filter((r) => r.changed).length,
    live,
    draft,
    delta: {
      shipments: draft.shipments - live.shipments,
      split_orders: draft.split_orders - live.split_orders,
      split_rate: round(draft.split_rate - live.split_rate, 4),
      km: round(draft.km - live.km, 1),
      unallocated_units: draft.unallocated_units - live.unallocated_units,
      load,
      capacity_breaches: draft.capacity_breaches - live.capacity_breaches,
    },
  }
}

function side({ shipments, unallocated }: Outcome): ReplaySide {
  return {
    locations: [...new Set(shipments.map((s) => s.location_id))].sort(),
    shipments: shipments.length,
    km: round(
      shipments.reduce((sum, s) => sum + (s.distance_km ?? 0), 0),
      1
    ),
    unallocated_units: unallocated.reduce((sum, u) => sum + u.quantity, 0),
  }
}

/** Orders beyond capacity per (location, day): baseline + orders sent that day - limit, when positive. */
function breaches(rows: (ReplayComparison & Partial<ReplayDay>)[], which: "live" | "draft"): number {
  const perDay = new Map<string, { limit: number; used: number; sent: number }>()
  for (const row of rows) {
    if (!row.day || !row.capacity) continue
    for (const [location, { limit, used }] of Object.entries(row.capacity)) {
      const key = `${location}|${row.day}`
      const slot = perDay.get(key) ?? { limit, used, sent: 0 }
      slot.used = Math.min(slot.used, used) // the earliest order of the day saw the fewest
      perDay.set(key, slot)
    }
    for (const location of row[which].locations) {
      const slot = perDay.get(`${location}|${row.day}`)
      if (slot) slot.sent++
    }
  }
  let over = 0
  for (const { limit, used, sent } of perDay.values()) over += Math.max(0, used + sent - limit)
  return over
}

function total(sides: ReplaySide[]): Omit<SideTotals, "capacity_breaches"> {
  const load: Record<string, number> = {}
  let shipments = 0
  let split = 0
  let km = 0
  let unallocated = 0
  for (const s of sides) {
    shipments += s.shipments
    if (s.shipments > 1) split++
    km += s.km
    unallocated += s.unallocated_units
    for (const id of s.locations) load[id] = (load[id] ?? 0) + 1
  }
  return {
    orders: sides.length,
    shipments,
    split_orders: split,
    split_rate: sides.length ? round(split / sides.length, 4) : 0,
    km: round(km, 1),
    unallocated_units: unallocated,
    load,
  }
}

/** Units per (location, line), and units left per line: equal keys mean the same outcome. */
function allocationKey({ shipments, unallocated }: Outcome): string {
  const placed = new Map<string, number>()
  for (const s of shipments) {
    for (const l of s.lines) {
      const key = `${s.location_id}|${l.line_id}`
      placed.set(key, (placed.get(key) ?? 0) + l.quantity)
    }
  }
  const left = new Map<string, number>()
  for (const u of unallocated) left.set(u.line_id, (left.get(u.line_id) ?? 0) + u.quantity)
  const part = (m: Map<string, number>) =>
    [...m]
      .filter(([, q]) => q > 0)
      .map(([k, q]) => `${k}=${q}`)
      .sort()
      .join(",")
  return `${part(placed)};${part(left)}`
}

function round(value: number, digits: number) {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/**
 * What a draft would do differently, in one sentence for the shop ("Ships from Reno instead
 * of Newark; 2 shipments instead of 1; 2,410 km instead of 316 km"). `names` maps location ids
 * to what people call them; unknown ids are shown as they are. Empty when nothing changed.
 */
export function describeChange(row: ReplayComparison, names: Record<string, string> = {}): string {
  if (!row.changed) return ""
  const list = (ids: string[]) => (ids.length ? ids.map((id) => names[id] ?? id).join(" + ") : "nowhere")
  const parts: string[] = []
  if (list(row.live.locations) !== list(row.draft.locations)) {
    parts.push(`Ships from ${list(row.draft.locations)} instead of ${list(row.live.locations)}`)
  } else {
    parts.push(`Ships other units from ${list(row.draft.locations)}`)
  }
  if (row.draft.shipments !== row.live.shipments) {
    parts.push(`${row.draft.shipments} shipment${row.draft.shipments === 1 ? "" : "s"} instead of ${row.live.shipments}`)
  }
  if (row.draft.km !== row.live.km) parts.push(`${formatKm(row.draft.km)} instead of ${formatKm(row.live.km)}`)
  if (row.draft.unallocated_units !== row.live.unallocated_units) {
    parts.push(`${row.draft.unallocated_units} unit(s) not placed instead of ${row.live.unallocated_units}`)
  }
  return parts.join("; ")
}

function formatKm(km: number): string {
  return `${Math.round(km).toLocaleString("en-US")} km`
}

import { haversineKm, type GeoPoint } from "../geo/distance"
import { availableUnits } from "./filters"
import type { Candidate, OrderLine, RankType } from "./types"

/**
 * The numbers the search works on: eligible locations in "location order" (best first by the
 * per-location rank rules) and the order's distinct inventory items. Dense typed arrays keep
 * the inner loop of the subset search free of lookups.
 */
export interface SearchModel {
  locations: Candidate[]
  items: string[]
  /** Units wanted per item (several lines may share one). */
  demand: Int32Array
  /** What the search must cover: demand, or less where eligible stock is short. */
  target: Int32Array
  /** avail[l * items.length + i] */
  avail: Int32Array
  /** Stock above what the order wants (avail is capped at demand); counts as left over. */
  spareAbove: Int32Array
  km: Float64Array
  /** Per item, the locations that have some of it, in location order. */
  stockers: number[][]
  /** Per item, unit values in line order, so a shipment's value can be computed exactly. */
  linesByItem: OrderLine[][]
  /** 32-bit words per location bitset. */
  words: number
  /** stockerBits[i * words + w]: bitset of the locations that have some of item i. */
  stockerBits: Uint32Array
  /** Per location, the items it has some of (sparse row of avail). */
  itemsOf: Int32Array[]
  /** Per item, its stockers by most available first (ties in location order). */
  stockersByAvail: Int32Array[]
}

export function buildModel(
  eligible: Candidate[],
  lines: OrderLine[],
  destination: GeoPoint | null,
  rankTypes: RankType[]
): SearchModel {
  const items: string[] = []
  const linesByItem: OrderLine[][] = []
  const itemIndex = new Map<string, number>()
  for (const line of lines) {
    let i = itemIndex.get(line.inventory_item_id)
    if (i === undefined) {
      i = items.length
      itemIndex.set(line.inventory_item_id, i)
      items.push(line.inventory_item_id)
      linesByItem.push([])
    }
    linesByItem[i].push(line)
  }
  const demand = new Int32Array(items.length)
  for (const line of lines) demand[itemIndex.get(line.inventory_item_id)!] += line.quantity

  const n = items.length
  // Each candidate's stock of each item, read once (availableUnits is not free).
  const keyed: Keyed[] = eligible.map((c) => {
    const all = new Int32Array(n)
    let units = 0
    let covers = 0
    for (let i = 0; i < n; i++) {
      all[i] = availableUnits(c, items[i])
      units += all[i]
      if (all[i] > 0) covers++
    }
    return { c, all, km: destination && c.point ? haversineKm(c.point, destination) : Infinity, units, covers }
  })
  orderLocations(keyed, rankTypes)
  const locations = keyed.map((k) => k.c)

  const L = locations.length
  const words = Math.max(1, Math.ceil(L / 32))
  const avail = new Int32Array(L * n)
  const spareAbove = new Int32Array(L * n)
  const km = new Float64Array(L)
  const stockers: number[][] = items.map(() => [])
  const target = new Int32Array(n)
  const stockerBits = new Uint32Array(n * words)
  const itemsOf: Int32Array[] = []
  keyed.forEach(({ all }, l) => {
    km[l] = keyed[l].km
    const row: number[] = []
    for (let i = 0; i < n; i++) {
      // Never more than the order wants: keeps sums small and the bounds tight.
      const units = Math.min(all[i], demand[i])
      avail[l * n + i] = units
      spareAbove[l * n + i] = all[i] - units
      if (units > 0) {
        stockers[i].push(l)
        row.push(i)
        stockerBits[i * words + (l >>> 5)] |= 1 << (l & 31)
        target[i] = Math.min(demand[i], target[i] + units)
      }
    }
    itemsOf.push(Int32Array.from(row))
  })
  const stockersByAvail = stockers.map((list, i) =>
    Int32Array.from(list.slice().sort((a, b) => avail[b * n + i] - avail[a * n + i] || a - b))
  )
  return { locations, items, demand, target, avail, spareAbove, km, stockers, linesByItem, words, stockerBits, itemsOf, stockersByAvail }
}

interface Keyed {
  c: Candidate
  all: Int32Array
  km: number
  units: number
  covers: number
}

/**
 * Best first by the per-location meaning of the rank rules, in rule order; the fill gives
 * units to earlier locations first and the search tries them first.
 */
function orderLocations(keyed: Keyed[], rankTypes: RankType[]): void {
  keyed.sort((a, b) => {
    for (const type of rankTypes) {
      let d = 0
      if (type === "priority") d = a.c.priority - b.c.priority
      else if (type === "distance") d = a.km === b.km ? 0 : a.km < b.km ? -1 : 1
      else if (type === "inventory_balance") d = b.units - a.units
      else if (type === "fewest_shipments") d = b.covers - a.covers
      if (d !== 0) return d
    }
    return a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0
  })
}

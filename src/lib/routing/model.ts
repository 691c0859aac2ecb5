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

  const distance = (c: Candidate) => (destination && c.point ? haversineKm(c.point, destination) : Infinity)
  const locations = orderLocations(eligible, items, distance, rankTypes)

  const n = items.length
  const avail = new Int32Array(locations.length * n)
  const spareAbove = new Int32Array(locations.length * n)
  const km = new Float64Array(locations.length)
  const stockers: number[][] = items.map(() => [])
  const target = new Int32Array(n)
  locations.forEach((c, l) => {
    km[l] = distance(c)
    for (let i = 0; i < n; i++) {
      // Never more than the order wants: keeps sums small and the bounds tight.
      const all = availableUnits(c, items[i])
      const units = Math.min(all, demand[i])
      avail[l * n + i] = units
      spareAbove[l * n + i] = all - units
      if (units > 0) {
        stockers[i].push(l)
        target[i] = Math.min(demand[i], target[i] + units)
      }
    }
  })
  return { locations, items, demand, target, avail, spareAbove, km, stockers, linesByItem }
}

/**
 * Best first by the per-location meaning of the rank rules, in rule order; the fill gives
 * units to earlier locations first and the search tries them first.
 */
function orderLocations(
  eligible: Candidate[],
  items: string[],
  distance: (c: Candidate) => number,
  rankTypes: RankType[]
): Candidate[] {
  const keyed = eligible.map((c) => ({
    c,
    km: distance(c),
    units: items.reduce((sum, item) => sum + availableUnits(c, item), 0),
    covers: items.reduce((sum, item) => sum + (availableUnits(c, item) > 0 ? 1 : 0), 0),
  }))
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
  return keyed.map((k) => k.c)
}

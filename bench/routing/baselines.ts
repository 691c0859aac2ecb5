import { haversineKm } from "../../src/lib/geo/distance"
import { availableUnits, type Candidate, type PlanInput } from "../../src/lib/routing"

/** What a strategy achieved, measured the same way for all. */
export interface Outcome {
  shipments: number
  km: number
  unallocated: number
}

type Take = Map<string, Map<string, number>> // location -> item -> units

function measure(input: PlanInput, take: Take): Outcome {
  const ordered = input.lines.reduce((s, l) => s + l.quantity, 0)
  let units = 0
  let km = 0
  let shipments = 0
  for (const [id, items] of take) {
    const given = [...items.values()].reduce((s, u) => s + u, 0)
    if (given === 0) continue
    shipments++
    units += given
    const c = input.candidates.find((x) => x.id === id)!
    km += haversineKm(c.point!, input.address.point!)
  }
  return { shipments, km, unallocated: ordered - units }
}

function give(take: Take, c: Candidate, item: string, units: number) {
  const m = take.get(c.id) ?? new Map<string, number>()
  m.set(item, (m.get(item) ?? 0) + units)
  take.set(c.id, m)
}

/** Medusa today: each whole line at the first location that can cover it alone, else it fails. */
export function firstLocation(input: PlanInput): Outcome {
  const take: Take = new Map()
  const left = new Map<string, number>()
  const avail = (c: Candidate, item: string) => left.get(`${c.id}|${item}`) ?? availableUnits(c, item)
  for (const line of input.lines) {
    const c = input.candidates.find((x) => avail(x, line.inventory_item_id) >= line.quantity)
    if (!c) continue
    left.set(`${c.id}|${line.inventory_item_id}`, avail(c, line.inventory_item_id) - line.quantity)
    give(take, c, line.inventory_item_id, line.quantity)
  }
  return measure(input, take)
}

/** Priority only: each line filled from locations in priority order, splitting as needed. */
export function priorityOnly(input: PlanInput): Outcome {
  const order = input.candidates.slice().sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1))
  return fillInOrder(input, order)
}

function fillInOrder(input: PlanInput, order: Candidate[]): Outcome {
  const take: Take = new Map()
  const left = new Map<string, number>()
  for (const line of input.lines) {
    let need = line.quantity
    for (const c of order) {
      if (need === 0) break
      const key = `${c.id}|${line.inventory_item_id}`
      const has = left.get(key) ?? availableUnits(c, line.inventory_item_id)
      const units = Math.min(has, need)
      if (units > 0) {
        left.set(key, has - units)
        give(take, c, line.inventory_item_id, units)
        need -= units
      }
    }
  }
  return measure(input, take)
}

/** Greedy set cover on units: the location closing the most remaining units, repeatedly. */
export function greedySetCover(input: PlanInput): Outcome {
  const deficit = new Map<string, number>()
  for (const l of input.lines) deficit.set(l.inventory_item_id, (deficit.get(l.inventory_item_id) ?? 0) + l.quantity)
  const chosen: Candidate[] = []
  for (;;) {
    let best: Candidate | null = null
    let bestGain = 0
    for (const c of input.candidates) {
      if (chosen.includes(c)) continue
      let gain = 0
      for (const [item, d] of deficit) gain += Math.min(d, availableUnits(c, item))
      if (gain > bestGain) {
        bestGain = gain
        best = c
      }
    }
    if (!best) break
    chosen.push(best)
    for (const [item, d] of deficit) deficit.set(item, Math.max(0, d - availableUnits(best, item)))
  }
  return fillInOrder(input, chosen)
}

/**
 * Exhaustive optimum of shipments for orders that can ship whole: every subset of size 1, 2,
 * ... until one covers; null when stock is short, undefined when over `maxSubsets`.
 */
export function exhaustiveShipments(input: PlanInput, maxSubsets = 3_000_000): number | null | undefined {
  const items = [...new Set(input.lines.map((l) => l.inventory_item_id))]
  const demand = items.map((item) => input.lines.filter((l) => l.inventory_item_id === item).reduce((s, l) => s + l.quantity, 0))
  const avail = input.candidates.map((c) => items.map((item) => availableUnits(c, item)))
  const L = avail.length
  if (demand.some((d, i) => avail.reduce((s, a) => s + a[i], 0) < d)) return null
  let visited = 0
  const sums = new Array<number>(items.length).fill(0)
  const search = (from: number, left: number): boolean => {
    if (++visited > maxSubsets) throw new Error("budget")
    if (left === 0) return demand.every((d, i) => sums[i] >= d)
    for (let l = from; l <= L - left; l++) {
      for (let i = 0; i < items.length; i++) sums[i] += avail[l][i]
      const ok = search(l + 1, left - 1)
      for (let i = 0; i < items.length; i++) sums[i] -= avail[l][i]
      if (ok) return true
    }
    return false
  }
  try {
    for (let k = 1; k <= L; k++) if (search(0, k)) return k
  } catch {
    return undefined
  }
  return null
}

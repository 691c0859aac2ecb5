import type { SearchModel } from "./model"

/**
 * One way to ship the order: a set of locations and the units each gives. The rank rules
 * compare options; the plan is built from the winning one.
 */
export interface PlanOption {
  /** Location indices in location order, each giving at least one unit. */
  locations: number[]
  /** units[k * items + i]: what locations[k] gives of item i. */
  units: Int32Array
  covered: number
  km: number
  /** Value shipped per location, same order as `locations`. */
  values: number[]
  /** Least stock left (above safety stock) at any location for an item it gives. */
  min_left: number
}

/**
 * Fills each item from the subset's locations in location order (the better location gives
 * first). Feasibility per item is just "sum of available >= target", so once the subset is
 * fixed this fill is as good as any flow for coverage.
 */
export function fillSubset(model: SearchModel, subset: number[]): PlanOption {
  const n = model.items.length
  const sorted = subset.slice().sort((a, b) => a - b)
  const raw = new Int32Array(sorted.length * n)
  let covered = 0
  for (let i = 0; i < n; i++) {
    let need = model.target[i]
    for (let k = 0; k < sorted.length && need > 0; k++) {
      const take = Math.min(need, model.avail[sorted[k] * n + i])
      raw[k * n + i] = take
      need -= take
    }
    covered += model.target[i] - need
  }
  // Drop locations the fill left empty: an option names only locations that ship something.
  const keep: number[] = []
  for (let k = 0; k < sorted.length; k++) {
    for (let i = 0; i < n; i++) {
      if (raw[k * n + i] > 0) {
        keep.push(k)
        break
      }
    }
  }
  const units = new Int32Array(keep.length * n)
  const locations: number[] = []
  let km = 0
  let minLeft = Infinity
  keep.forEach((k, j) => {
    const l = sorted[k]
    locations.push(l)
    km += model.km[l]
    for (let i = 0; i < n; i++) {
      const u = raw[k * n + i]
      units[j * n + i] = u
      if (u > 0) minLeft = Math.min(minLeft, model.avail[l * n + i] - u + spare(model, l, i))
    }
  })
  return { locations, units, covered, km, values: shipmentValues(model, units, locations.length), min_left: minLeft }
}

/** avail is capped at demand; the stock beyond the cap still counts as left over. */
function spare(model: SearchModel, l: number, i: number): number {
  return model.spareAbove[l * model.items.length + i]
}

/**
 * Value per shipment with the same line split the plan will use (lines in order, locations
 * in order), so "min shipment value" is checked on the real numbers.
 */
function shipmentValues(model: SearchModel, units: Int32Array, count: number): number[] {
  const n = model.items.length
  const values = new Array<number>(count).fill(0)
  for (let i = 0; i < n; i++) {
    const lines = model.linesByItem[i]
    let li = 0
    let usedOfLine = 0
    for (let k = 0; k < count; k++) {
      let give = units[k * n + i]
      while (give > 0 && li < lines.length) {
        const take = Math.min(give, lines[li].quantity - usedOfLine)
        values[k] += take * lines[li].unit_value
        give -= take
        usedOfLine += take
        if (usedOfLine === lines[li].quantity) {
          li++
          usedOfLine = 0
        }
      }
    }
  }
  return values
}

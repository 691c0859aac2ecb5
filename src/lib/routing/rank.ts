import type { SearchModel } from "./model"
import type { PlanOption } from "./option"
import type { RankType } from "./types"

/** A rank rule as the search uses it: negative when `a` is the better option. */
export interface Ranker {
  type: RankType | "coverage" | "tiebreak"
  label: string
  compare(a: PlanOption, b: PlanOption): number
  /** "1 vs 2": the two values the rule compared, winner first. */
  values(winner: PlanOption, loser: PlanOption): string
}

export const rankLabels: Record<RankType, string> = {
  priority: "priority",
  distance: "distance",
  fewest_shipments: "fewest shipments",
  inventory_balance: "inventory balance",
  location_id: "location id",
}

const sign = (d: number) => (d < 0 ? -1 : d > 0 ? 1 : 0)

/** Lexicographic; on an equal prefix the shorter list wins (it needs fewer locations). */
function compareLists<T>(a: T[], b: T[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if (a[k] < b[k]) return -1
    if (a[k] > b[k]) return 1
  }
  return a.length - b.length
}

const fmtKm = (km: number) => (Number.isFinite(km) ? `${Math.round(km).toLocaleString("en-US")} km` : "unknown km")

/**
 * What the distance rule compares: total km in buckets. Without a bucket, distances within
 * 0.1 km count as equal (floating-point noise). Monotone in km, so the search can bound it.
 */
export function distanceKey(params?: { bucket_km?: number }): (km: number) => number {
  const bucket = params?.bucket_km && params.bucket_km > 0 ? params.bucket_km : 0.1
  return (km) => (Number.isFinite(km) ? Math.round(km / bucket) : Infinity)
}

export function makeRanker(type: RankType, model: SearchModel, params?: { bucket_km?: number }): Ranker {
  const label = rankLabels[type]
  switch (type) {
    case "fewest_shipments":
      return {
        type,
        label,
        compare: (a, b) => a.locations.length - b.locations.length,
        values: (w, l) => `${w.locations.length} vs ${l.locations.length}`,
      }
    case "distance": {
      const kmKey = distanceKey(params)
      const key = (o: PlanOption) => kmKey(o.km)
      return {
        type,
        label,
        compare: (a, b) => {
          const ka = key(a)
          const kb = key(b)
          return ka === kb ? 0 : ka < kb ? -1 : 1
        },
        values: (w, l) => `${fmtKm(w.km)} vs ${fmtKm(l.km)}`,
      }
    }
    case "priority": {
      const key = (o: PlanOption) => o.locations.map((l) => model.locations[l].priority).sort((x, y) => x - y)
      return {
        type,
        label,
        compare: (a, b) => sign(compareLists(key(a), key(b))),
        values: (w, l) => `${key(w).join(", ")} vs ${key(l).join(", ")}`,
      }
    }
    case "inventory_balance":
      return {
        type,
        label,
        compare: (a, b) => (a.min_left === b.min_left ? 0 : a.min_left > b.min_left ? -1 : 1),
        values: (w, l) => `leaves at least ${fmtUnits(w.min_left)} vs ${fmtUnits(l.min_left)} per item`,
      }
    case "location_id":
      return idRanker(model, "location_id", label)
  }
}

const fmtUnits = (n: number) => (Number.isFinite(n) ? `${n} units` : "all stock")

/** Completeness comes before every rule: an option that ships more units always wins. */
export const coverageRanker: Ranker = {
  type: "coverage",
  label: "units in stock",
  compare: (a, b) => b.covered - a.covered,
  values: (w, l) => `${w.covered} vs ${l.covered} units`,
}

/** The last, deterministic tiebreak: location ids in order. */
export function idRanker(model: SearchModel, type: Ranker["type"] = "tiebreak", label = "location id"): Ranker {
  const key = (o: PlanOption) => o.locations.map((l) => model.locations[l].id).sort()
  return {
    type,
    label,
    compare: (a, b) => sign(compareLists(key(a), key(b))),
    values: (w, l) => `${key(w).join(", ")} before ${key(l).join(", ")}`,
  }
}

/** Folds the rankers: the first that separates two options decides; no weighted sums. */
export function compareOptions(rankers: Ranker[], a: PlanOption, b: PlanOption): { order: number; by: Ranker | null } {
  for (const ranker of rankers) {
    const order = ranker.compare(a, b)
    if (order !== 0) return { order, by: ranker }
  }
  return { order: 0, by: null }
}

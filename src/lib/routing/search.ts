import type { SearchModel } from "./model"
import { fillSubset, type PlanOption } from "./option"
import { compareOptions, type Ranker } from "./rank"
import type { SearchMethod, SplitPolicy } from "./types"

/** Default node budget of the exact search: about 1-1.5 µs a node, so ~15 ms at worst. */
export const DEFAULT_NODE_BUDGET = 12_000
const RUNNER_UP_BUDGET = 200

export interface SearchSettings {
  rankers: Ranker[]
  split: SplitPolicy
  /** True when fewest shipments is the first rank rule: the first complete size is final. */
  stopAtFirstComplete: boolean
  nodeBudget: number
}

export interface SearchResult {
  best: PlanOption | null
  runnerUp: PlanOption | null
  method: SearchMethod
  nodes: number
  /** True when some option ships every unit eligible stock allows (within the policy). */
  complete: boolean
}

/** Keeps the best two options seen, by the folded rank rules. */
class Podium {
  best: PlanOption | null = null
  runnerUp: PlanOption | null = null
  constructor(private rankers: Ranker[]) {}
  offer(option: PlanOption) {
    if (!this.best || compareOptions(this.rankers, option, this.best).order < 0) {
      this.runnerUp = this.best
      this.best = option
    } else if (!this.runnerUp || compareOptions(this.rankers, option, this.runnerUp).order < 0) {
      if (!sameLocations(option, this.best)) this.runnerUp = option
    }
  }
}

const sameLocations = (a: PlanOption, b: PlanOption) =>
  a.locations.length === b.locations.length && a.locations.every((l, k) => l === b.locations[k])

export function maxShipments(split: SplitPolicy, locationCount: number): number {
  if (split.type === "none") return Math.min(1, locationCount)
  if (split.type === "max_shipments") return Math.max(1, Math.min(split.max, locationCount))
  return locationCount
}

/** A split option must respect "min shipment value": every shipment worth at least X. */
function allowedBySplit(split: SplitPolicy, option: PlanOption): boolean {
  if (split.type !== "min_shipment_value" || option.locations.length <= 1) return true
  return option.values.every((v) => v >= split.min_value - 1e-9)
}

/**
 * Finds the best option. First an exact search over location subsets that cover every
 * coverable unit; if none exists within the split policy, the best partial option.
 * Beyond the node budget, a greedy set cover with local improvement takes over.
 */
export function searchPlan(model: SearchModel, settings: SearchSettings): SearchResult {
  const podium = new Podium(settings.rankers)
  const limit = maxShipments(settings.split, model.locations.length)
  const targetUnits = model.target.reduce((s, t) => s + t, 0)
  if (targetUnits === 0 || limit === 0) {
    return { best: null, runnerUp: null, method: "exact", nodes: 0, complete: targetUnits === 0 }
  }

  const cover = new CoverSearch(model, settings, podium)
  const exact = cover.run(limit)
  let method: SearchMethod = exact ? "exact" : "heuristic"
  if (!exact) {
    const greedy = greedyCover(model, limit)
    if (greedy) offerIfAllowed(model, settings.split, podium, greedy)
  }
  if (podium.best && podium.best.covered === targetUnits) {
    return { best: podium.best, runnerUp: podium.runnerUp, method, nodes: cover.nodes, complete: true }
  }

  // No complete option within the policy: the most units with the fewest trade-offs.
  const partial = new PartialSearch(model, settings, podium, settings.nodeBudget - cover.nodes)
  if (!partial.run(limit)) {
    method = "heuristic"
    const greedy = greedyCover(model, limit, true)
    if (greedy) offerIfAllowed(model, settings.split, podium, greedy)
  }
  return { best: podium.best, runnerUp: podium.runnerUp, method, nodes: cover.nodes + partial.nodes, complete: false }
}

function offerIfAllowed(model: SearchModel, split: SplitPolicy, podium: Podium, subset: number[]): boolean {
  const option = fillSubset(model, subset)
  if (option.locations.length === 0 || !allowedBySplit(split, option)) return false
  podium.offer(option)
  return true
}

/**
 * Exact cover search by iterative deepening over subset size. At each node it branches on the
 * uncovered item with the fewest remaining stockers (most constrained first); branch k takes
 * that item's k-th stocker and excludes the earlier ones, so each subset is visited once.
 * Prunes when some uncovered item cannot be covered by the best `slots left` stockers.
 */
class CoverSearch {
  nodes = 0
  private used: Uint8Array
  private n: number
  private outOfBudget = false
  private foundAtDepth = false
  private depthLimit = 0

  constructor(
    private model: SearchModel,
    private settings: SearchSettings,
    private podium: Podium
  ) {
    this.used = new Uint8Array(model.locations.length)
    this.n = model.items.length
  }

  /** Returns false if the budget ran out before the search finished. */
  run(limit: number): boolean {
    const deficit = Int32Array.from(this.model.target)
    // Without "fewest shipments first" every size competes: one pass to the policy's limit.
    const first = this.settings.stopAtFirstComplete ? this.lowerBound(deficit) : limit
    for (let k = first; k <= limit; k++) {
      this.depthLimit = k
      this.foundAtDepth = false
      this.dfs([], deficit)
      if (this.outOfBudget) return false
      if (this.foundAtDepth && this.settings.stopAtFirstComplete) {
        if (!this.podium.runnerUp && k < limit) this.findRunnerUp(k + 1)
        return true
      }
    }
    return true
  }

  /**
   * Only so the trace can say "won on fewest shipments: 1 vs 2": one more size, on a small
   * budget of its own. It cannot change the winner, which already needs fewer shipments.
   */
  private findRunnerUp(size: number) {
    const budget = this.settings.nodeBudget
    const spent = this.nodes
    this.settings = { ...this.settings, nodeBudget: spent + RUNNER_UP_BUDGET }
    this.depthLimit = size
    this.dfs([], Int32Array.from(this.model.target))
    this.nodes = Math.min(this.nodes, spent + RUNNER_UP_BUDGET)
    this.outOfBudget = false
    this.settings = { ...this.settings, nodeBudget: budget }
  }

  /** No fewer locations than the most demanding single item needs on its own. */
  private lowerBound(deficit: Int32Array): number {
    let bound = 1
    for (let i = 0; i < this.n; i++) {
      if (deficit[i] === 0) continue
      const sorted = this.model.stockers[i].map((l) => this.model.avail[l * this.n + i]).sort((a, b) => b - a)
      let sum = 0
      let count = 0
      while (sum < deficit[i] && count < sorted.length) sum += sorted[count++]
      bound = Math.max(bound, count)
    }
    return bound
  }

  private dfs(chosen: number[], deficit: Int32Array): void {
    if (++this.nodes > this.settings.nodeBudget) {
      this.outOfBudget = true
      return
    }
    const slots = this.depthLimit - chosen.length
    const { avail, stockers } = this.model
    const n = this.n

    let branchItem = -1
    let fewest = Infinity
    for (let i = 0; i < n; i++) {
      if (deficit[i] === 0) continue
      if (slots === 0) return
      // Count free stockers and check that the best `slots` of them could close the gap.
      // Cheap bound (this loop is the search's hot path): even the largest free stock,
      // taken `slots` times, must close the gap.
      let count = 0
      let most = 0
      for (const l of stockers[i]) {
        if (this.used[l]) continue
        count++
        const u = avail[l * n + i]
        if (u > most) most = u
      }
      if (most * slots < deficit[i]) return
      if (count < fewest) {
        fewest = count
        branchItem = i
      }
    }
    if (branchItem === -1) {
      if (chosen.length === this.depthLimit || !this.settings.stopAtFirstComplete) {
        if (offerIfAllowed(this.model, this.settings.split, this.podium, chosen)) this.foundAtDepth = true
      }
      return
    }

    const excluded: number[] = []
    for (const l of stockers[branchItem]) {
      if (this.used[l]) continue
      const next = new Int32Array(deficit)
      for (let i = 0; i < n; i++) if (next[i] > 0) next[i] = Math.max(0, next[i] - avail[l * n + i])
      this.used[l] = 1
      chosen.push(l)
      this.dfs(chosen, next)
      chosen.pop()
      excluded.push(l) // stays used: later siblings must not take it again
      if (this.outOfBudget) break
    }
    for (const l of excluded) this.used[l] = 0
  }
}

/**
 * When no subset within the policy ships everything: every subset of useful locations up to
 * the policy's size is an option, and "most units" ranks first. Bounded by the node budget.
 */
class PartialSearch {
  nodes = 0
  private useful: number[]
  private outOfBudget = false

  constructor(
    private model: SearchModel,
    private settings: SearchSettings,
    private podium: Podium,
    private budget: number
  ) {
    const n = model.items.length
    this.useful = model.locations
      .map((_, l) => l)
      .filter((l) => {
        for (let i = 0; i < n; i++) if (model.avail[l * n + i] > 0) return true
        return false
      })
  }

  run(limit: number): boolean {
    this.walk([], 0, limit)
    return !this.outOfBudget
  }

  private walk(chosen: number[], from: number, limit: number): void {
    if (chosen.length > 0) {
      if (++this.nodes > this.budget) {
        this.outOfBudget = true
        return
      }
      offerIfAllowed(this.model, this.settings.split, this.podium, chosen)
    }
    if (chosen.length === limit) return
    for (let k = from; k < this.useful.length && !this.outOfBudget; k++) {
      chosen.push(this.useful[k])
      this.walk(chosen, k + 1, limit)
      chosen.pop()
    }
  }
}

/**
 * Greedy set cover on units: take the location that closes the most remaining units (ties to
 * the better-ordered location), up to the policy's limit; then local improvement: drop
 * locations the rest can do without, and replace any two by one that does both their work.
 */
export function greedyCover(model: SearchModel, limit: number, allowPartial = false): number[] | null {
  const n = model.items.length
  const L = model.locations.length
  const deficit = Int32Array.from(model.target)
  const chosen: number[] = []
  const taken = new Uint8Array(L)
  while (chosen.length < limit) {
    let bestL = -1
    let bestGain = 0
    for (let l = 0; l < L; l++) {
      if (taken[l]) continue
      let gain = 0
      for (let i = 0; i < n; i++) if (deficit[i] > 0) gain += Math.min(deficit[i], model.avail[l * n + i])
      if (gain > bestGain) {
        bestGain = gain
        bestL = l
      }
    }
    if (bestL === -1) break
    taken[bestL] = 1
    chosen.push(bestL)
    for (let i = 0; i < n; i++) deficit[i] = Math.max(0, deficit[i] - model.avail[bestL * n + i])
  }
  if (chosen.length === 0) return null
  const complete = deficit.every((d) => d === 0)
  if (!complete) return allowPartial ? chosen : null
  return improve(model, chosen)
}

function covers(model: SearchModel, subset: number[]): boolean {
  const n = model.items.length
  for (let i = 0; i < n; i++) {
    let sum = 0
    for (const l of subset) sum += model.avail[l * n + i]
    if (sum < model.target[i]) return false
  }
  return true
}

function improve(model: SearchModel, start: number[]): number[] {
  const n = model.items.length
  let current = start.slice()
  let improved = true
  // Bounded: each round either shrinks the set or stops, and there are at most 3 rounds.
  for (let round = 0; improved && round < 3; round++) {
    improved = false
    // Drop a location the others can cover without (worst-ordered first).
    for (const l of current.slice().sort((a, b) => b - a)) {
      const without = current.filter((x) => x !== l)
      if (without.length > 0 && covers(model, without)) {
        current = without
        improved = true
      }
    }
    // Replace two locations by one: stock of the rest summed once, then one pass per location.
    outer: for (let a = 0; a < current.length; a++) {
      for (let b = a + 1; b < current.length; b++) {
        const rest = current.filter((_, k) => k !== a && k !== b)
        const sums = new Int32Array(n)
        for (const l of rest) for (let i = 0; i < n; i++) sums[i] += model.avail[l * n + i]
        for (let l = 0; l < model.locations.length; l++) {
          if (current.includes(l)) continue
          let ok = true
          for (let i = 0; i < n && ok; i++) ok = sums[i] + model.avail[l * n + i] >= model.target[i]
          if (ok) {
            current = [...rest, l]
            improved = true
            break outer
          }
        }
      }
    }
  }
  return current
}

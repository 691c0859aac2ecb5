import type { SearchModel } from "./model"
import { fillSubset, type PlanOption } from "./option"
import { compareOptions, type Ranker } from "./rank"
import type { SearchMethod, SplitPolicy } from "./types"

/** Default node budget of the exact search: about 1-1.5 µs a node, so ~15 ms at worst. */
export const DEFAULT_NODE_BUDGET = 12_000
/**
 * Orders bigger than this many (eligible location x line) cells, e.g. 50 locations x 20 lines,
 * are beyond "normal": the exact search gets the smaller budget below before the heuristic
 * takes over, so a 50 x 50 or 200 x 50 order stays within a few milliseconds.
 */
export const EXACT_SIZE_LIMIT = 1_000
export const LARGE_ORDER_BUDGET = 2_000

/** The step budget for an order of this size (an explicit budget always wins). */
export function budgetFor(locations: number, lines: number, explicit?: number): number {
  if (explicit !== undefined) return explicit
  return locations * lines > EXACT_SIZE_LIMIT ? LARGE_ORDER_BUDGET : DEFAULT_NODE_BUDGET
}
const RUNNER_UP_BUDGET = 200
/**
 * Budget steps are nodes plus bound work: 128 stock entries read by the fractional bound or
 * its bookkeeping count as one step, so the budget bounds time, not just nodes.
 */
const WORK_PER_STEP_LOG2 = 7

export interface SearchSettings {
  rankers: Ranker[]
  split: SplitPolicy
  /** True when fewest shipments is the first rank rule: the first complete size is final. */
  stopAtFirstComplete: boolean
  nodeBudget: number
  /**
   * Set when distance is the rank rule right after fewest shipments: the distance ranker's
   * key (km to bucket), so the search can prune branches that cannot beat the runner-up.
   */
  distanceKey?: (km: number) => number
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
 * uncovered item with the fewest free stockers (most constrained first); branch k takes that
 * item's k-th free stocker and excludes the earlier ones, so each subset is visited once.
 *
 * Pruning, all exact:
 * - per item: the fewest free stockers that could close its gap alone (largest stock first)
 *   must fit in the slots left;
 * - disjoint items: uncovered items that share no free stocker need separate locations, so
 *   the sum of their per-item needs is a lower bound (greedy packing over bitsets);
 * - distance (when fewest shipments comes first and distance second): at the final size every
 *   cover has the same number of locations, so a branch whose chosen km plus the nearest free
 *   locations cannot reach the runner-up's distance cannot change the best two options.
 *
 * The state lives in preallocated typed arrays (deficits per depth, used bitset, free counts),
 * so a node allocates nothing.
 */
class CoverSearch {
  private nodeCount = 0
  /** Stock entries read by the costlier bounds; every 2^WORK_PER_STEP_LOG2 of them cost a step. */
  private work = 0
  get nodes(): number {
    return this.nodeCount + (this.work >>> WORK_PER_STEP_LOG2)
  }
  set nodes(value: number) {
    this.nodeCount = value - (this.work >>> WORK_PER_STEP_LOG2)
  }
  private outOfBudget = false
  private foundAtDepth = false
  private depthLimit = 0
  private budget: number
  private readonly n: number
  private readonly W: number
  private readonly used: Uint8Array
  private readonly usedBits: Uint32Array
  private readonly freeCount: Int32Array
  /** deficits[depth * n + i] */
  private readonly deficits: Int32Array
  private readonly chosen: number[] = []
  private readonly excluded: Int32Array
  private excludedTop = 0
  private readonly packed: Uint32Array
  /** Items by fewest stockers first: the order of the disjoint-items packing. */
  private readonly itemOrder: Int32Array
  /** Useful locations (some stock of some item) by km, nearest first. */
  private readonly byKm: Int32Array
  /** Useful locations in location order. */
  private readonly useful: Int32Array
  private readonly counts: Int32Array

  constructor(
    private model: SearchModel,
    private settings: SearchSettings,
    private podium: Podium
  ) {
    const L = model.locations.length
    const n = model.items.length
    this.n = n
    this.W = model.words
    this.budget = settings.nodeBudget
    this.used = new Uint8Array(L)
    this.usedBits = new Uint32Array(this.W)
    this.freeCount = Int32Array.from(model.stockers, (s) => s.length)
    this.deficits = new Int32Array((L + 2) * n)
    this.excluded = new Int32Array(L + 1)
    this.packed = new Uint32Array(this.W)
    this.itemOrder = Int32Array.from(
      model.items.map((_, i) => i).sort((a, b) => model.stockers[a].length - model.stockers[b].length || a - b)
    )
    this.useful = Int32Array.from(model.locations.map((_, l) => l).filter((l) => model.itemsOf[l].length > 0))
    this.counts = Int32Array.from(model.itemsOf, (row) => row.length)
    this.byKm = Int32Array.from(
      Array.from(this.useful)
        .sort((a, b) => (model.km[a] === model.km[b] ? a - b : model.km[a] < model.km[b] ? -1 : 1))
    )
  }

  /** Returns false if the budget ran out before the search finished. */
  run(limit: number): boolean {
    this.deficits.set(this.model.target)
    let uncovered = 0
    for (let i = 0; i < this.n; i++) if (this.model.target[i] > 0) uncovered++
    // Without "fewest shipments first" every size competes: one pass to the policy's limit.
    const first = this.settings.stopAtFirstComplete ? Math.max(1, this.lowerBound(0, Infinity)) : limit
    for (let k = first; k <= limit; k++) {
      this.depthLimit = k
      this.foundAtDepth = false
      this.dfs(0, uncovered, 0)
      if (this.outOfBudget) return false
      if (this.foundAtDepth && this.settings.stopAtFirstComplete) {
        if (!this.podium.runnerUp && k < limit) this.findRunnerUp(k + 1, uncovered)
        return true
      }
    }
    return true
  }

  /**
   * Only so the trace can say "won on fewest shipments: 1 vs 2": one more size, on a small
   * budget of its own. It cannot change the winner, which already needs fewer shipments.
   */
  private findRunnerUp(size: number, uncovered: number) {
    const spent = this.nodes
    this.budget = spent + RUNNER_UP_BUDGET
    this.depthLimit = size
    this.dfs(0, uncovered, 0)
    this.nodes = Math.min(this.nodes, spent + RUNNER_UP_BUDGET)
    this.outOfBudget = false
    this.budget = this.settings.nodeBudget
  }

  /**
   * Fewest free locations that could close item i's gap alone (largest stock first), or
   * Infinity when the free stockers together cannot.
   */
  private need(i: number, gap: number): number {
    const list = this.model.stockersByAvail[i]
    const { avail } = this.model
    const n = this.n
    let count = 0
    for (let k = 0; k < list.length; k++) {
      const l = list[k]
      if (this.used[l]) continue
      count++
      gap -= avail[l * n + i]
      if (gap <= 0) return count
    }
    return Infinity
  }

  /**
   * A lower bound on the locations still needed at `depth` (stops early past `slots`): the
   * largest per-item need, and the summed needs of items packed so no two share a free stocker.
   */
  private lowerBound(depth: number, slots: number): number {
    const { stockerBits } = this.model
    const W = this.W
    const base = depth * this.n
    const packed = this.packed
    packed.fill(0)
    let packedSum = 0
    let most = 0
    for (let k = 0; k < this.itemOrder.length; k++) {
      const i = this.itemOrder[k]
      const gap = this.deficits[base + i]
      if (gap === 0) continue
      const need = this.need(i, gap)
      if (need > most) {
        most = need
        if (most > slots) return most
      }
      let disjoint = true
      for (let w = 0; w < W; w++) {
        if ((stockerBits[i * W + w] & ~this.usedBits[w] & packed[w]) !== 0) {
          disjoint = false
          break
        }
      }
      if (!disjoint) continue
      for (let w = 0; w < W; w++) packed[w] |= stockerBits[i * W + w] & ~this.usedBits[w]
      packedSum += need
      if (packedSum > slots) return packedSum
    }
    return Math.max(most, packedSum)
  }

  /**
   * Fractional cover bound: give each uncovered item the weight 1 / (most uncovered items any
   * of its free stockers has); one location then carries at most weight 1, so at least
   * ceil(total weight) more locations are needed. Strong on sparse stock, where the packing
   * bound is weak. `counts` (uncovered items per location) is kept up to date as items close.
   */
  private fractionalBound(depth: number, slots: number): number {
    const { stockers } = this.model
    const base = depth * this.n
    const deficits = this.deficits
    const counts = this.counts
    let weight = 0
    for (let i = 0; i < this.n; i++) {
      if (deficits[base + i] === 0) continue
      const list = stockers[i]
      let most = 0
      for (let k = 0; k < list.length; k++) {
        const l = list[k]
        if (counts[l] > most && !this.used[l]) most = counts[l]
      }
      weight += 1 / most
      this.work += list.length
      if (weight > slots + 1e-9) break
    }
    return Math.ceil(weight - 1e-9)
  }

  /** Item i is covered (or uncovered again): its stockers now carry one uncovered item less (more). */
  private countCovered(i: number, delta: number) {
    const list = this.model.stockers[i]
    for (let k = 0; k < list.length; k++) this.counts[list[k]] += delta
    this.work += list.length
  }

  /**
   * The last slot: only a free location that closes every remaining gap completes the set.
   * Candidates are the intersection of the uncovered items' free-stocker bitsets.
   */
  private lastSlot(depth: number): void {
    const { stockerBits, avail } = this.model
    const W = this.W
    const n = this.n
    const base = depth * n
    const both = this.packed
    for (let w = 0; w < W; w++) both[w] = ~this.usedBits[w]
    for (let i = 0; i < n; i++) {
      if (this.deficits[base + i] === 0) continue
      let any = 0
      for (let w = 0; w < W; w++) any |= both[w] &= stockerBits[i * W + w]
      if (any === 0) return
    }
    for (let w = 0; w < W; w++) {
      let bits = both[w]
      while (bits !== 0) {
        const low = bits & -bits
        bits ^= low
        const l = w * 32 + (31 - Math.clz32(low))
        let ok = true
        for (let i = 0; i < n && ok; i++) ok = this.deficits[base + i] <= avail[l * n + i]
        if (!ok) continue
        if (++this.nodeCount + (this.work >>> WORK_PER_STEP_LOG2) > this.budget) {
          this.outOfBudget = true
          return
        }
        this.chosen.push(l)
        if (offerIfAllowed(this.model, this.settings.split, this.podium, this.chosen)) this.foundAtDepth = true
        this.chosen.pop()
      }
    }
  }

  private dfs(depth: number, uncovered: number, chosenKm: number): void {
    if (++this.nodeCount + (this.work >>> WORK_PER_STEP_LOG2) > this.budget) {
      this.outOfBudget = true
      return
    }
    const { settings, model } = this
    if (uncovered === 0) {
      if (depth === this.depthLimit || !settings.stopAtFirstComplete) {
        if (offerIfAllowed(model, settings.split, this.podium, this.chosen)) this.foundAtDepth = true
      }
      return
    }
    const slots = this.depthLimit - depth
    if (slots === 0) return
    if (settings.distanceKey && settings.stopAtFirstComplete && this.podium.runnerUp && this.kmBoundExceeds(chosenKm, slots)) return
    if (slots === 1 && settings.stopAtFirstComplete) return this.lastSlot(depth)
    const bound = this.lowerBound(depth, slots)
    if (bound > slots) return
    // The fractional bound costs a pass over the free stock: only where it may prune.
    if (slots > 1 && bound >= slots - 1 && this.fractionalBound(depth, slots) > slots) return

    // Branch on the uncovered item with the fewest free stockers.
    const n = this.n
    const base = depth * n
    const deficits = this.deficits
    let branchItem = -1
    let fewest = Infinity
    for (let i = 0; i < n; i++) {
      if (deficits[base + i] !== 0 && this.freeCount[i] < fewest) {
        fewest = this.freeCount[i]
        branchItem = i
      }
    }

    const { avail, itemsOf, km } = model
    const excludedFrom = this.excludedTop
    const list = model.stockers[branchItem]
    const next = base + n
    for (let k = 0; k < list.length; k++) {
      const l = list[k]
      if (this.used[l]) continue
      deficits.copyWithin(next, base, base + n)
      let closed = 0
      const row = itemsOf[l]
      for (let r = 0; r < row.length; r++) {
        const i = row[r]
        const gap = deficits[next + i]
        if (gap === 0) continue
        const left = gap - avail[l * n + i]
        if (left <= 0) {
          deficits[next + i] = 0
          closed++
          this.countCovered(i, -1)
        } else deficits[next + i] = left
      }
      this.take(l)
      this.chosen.push(l)
      this.dfs(depth + 1, uncovered - closed, chosenKm + km[l])
      this.chosen.pop()
      for (let r = 0; r < row.length; r++) {
        const i = row[r]
        if (deficits[base + i] !== 0 && deficits[next + i] === 0) this.countCovered(i, 1)
      }
      this.excluded[this.excludedTop++] = l // stays used: later siblings must not take it again
      if (this.outOfBudget) break
    }
    while (this.excludedTop > excludedFrom) this.release(this.excluded[--this.excludedTop])
  }

  /** Every completion adds `slots` more locations, none nearer than the nearest free one. */
  private kmBoundExceeds(chosenKm: number, slots: number): boolean {
    let nearest = Infinity
    for (let k = 0; k < this.byKm.length; k++) {
      if (!this.used[this.byKm[k]]) {
        nearest = this.model.km[this.byKm[k]]
        break
      }
    }
    const bound = chosenKm + slots * nearest
    if (!Number.isFinite(bound)) return false
    const key = this.settings.distanceKey!
    // A hair under the bound: the option's own sum may round differently.
    return key(bound - 1e-6 * (1 + bound)) > key(this.podium.runnerUp!.km)
  }

  private take(l: number) {
    this.used[l] = 1
    this.usedBits[l >>> 5] |= 1 << (l & 31)
    const row = this.model.itemsOf[l]
    for (let r = 0; r < row.length; r++) this.freeCount[row[r]]--
  }

  private release(l: number) {
    this.used[l] = 0
    this.usedBits[l >>> 5] &= ~(1 << (l & 31))
    const row = this.model.itemsOf[l]
    for (let r = 0; r < row.length; r++) this.freeCount[row[r]]++
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

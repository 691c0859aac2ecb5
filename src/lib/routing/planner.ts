import { evaluate } from "../rules/evaluate"
import { explain } from "../rules/explain"
import { normalizeCountry } from "../rules/normalize"
import type { GeoPoint } from "../geo/distance"
import { availableUnits, filterLabels, filters } from "./filters"
import { buildModel, type SearchModel } from "./model"
import type { PlanOption } from "./option"
import { compareOptions, coverageRanker, distanceKey, idRanker, makeRanker, rankLabels, type Ranker } from "./rank"
import { budgetFor, searchPlan } from "./search"
import type {
  Candidate,
  Placement,
  Plan,
  PlanInput,
  PlanOptions,
  PlanStatus,
  RankType,
  Remainder,
  RoutingRule,
  Shipment,
  SplitPolicy,
  TraceStep,
} from "./types"

/**
 * Plans where an order ships from. Pure and deterministic: the same input always gives the
 * same plan. Filters narrow the candidates, the exact subset search finds the options that
 * ship the most units, and the rank rules, folded in order, pick one; the trace says why.
 */
export function planAllocation(input: PlanInput, options: PlanOptions = {}): Plan {
  const notes: string[] = []
  const steps: TraceStep[] = []
  const lines = input.lines.filter((l) => l.quantity > 0)
  const country = normalizeCountry(input.address.country_code)
  const { point: destination, unplaced, placement } = locateDestination(input, options, notes)

  let remaining = sortById(input.candidates)
  const rankTypes: RankType[] = []
  const rankParams = new Map<RankType, RoutingRule["params"]>()
  for (const rule of input.rule_set.rules) {
    const applies = !rule.condition || evaluate(rule.condition, input.facts)
    const name = rule.label ?? (rule.kind === "filter" ? filterLabels[rule.type] : rankLabels[rule.type])
    const when = rule.condition ? ` ${explain(rule.condition, input.facts)}` : ""
    if (!applies) {
      steps.push({ rule: name, kind: rule.kind, applied: false, sentence: `Rule "${name}" was not used.${when}` })
      continue
    }
    if (rule.kind === "filter") {
      const context = { country, lines, location_ids: rule.params?.location_ids ?? [] }
      const removed: { location_id: string; because: string }[] = []
      remaining = remaining.filter((c) => {
        const verdict = filters[rule.type](c, context)
        if (!verdict.keep) removed.push({ location_id: c.id, because: `${c.name} was skipped: ${verdict.because}` })
        return verdict.keep
      })
      const sentence = removed.length
        ? `Rule "${name}" skipped ${removed.length} location(s).${when}`
        : `Rule "${name}" kept every location.${when}`
      steps.push({ rule: name, kind: "filter", applied: true, sentence, removed })
    } else {
      if (!rankTypes.includes(rule.type)) {
        rankTypes.push(rule.type)
        rankParams.set(rule.type, rule.params)
      }
      steps.push({ rule: name, kind: "rank", applied: true, sentence: `Rank by ${rankLabels[rule.type]}.${when}` })
    }
  }
  if (rankTypes.includes("distance") && !destination) {
    notes.push("The destination has no coordinates, so distance could not separate locations.")
  }

  const model = buildModel(remaining, lines, destination, rankTypes)
  const budget = budgetFor(remaining.length, lines.length, options.node_budget)
  const rankers: Ranker[] = [
    coverageRanker,
    ...rankTypes.map((t) => makeRanker(t, model, rankParams.get(t) as { bucket_km?: number } | undefined)),
    idRanker(model),
  ]
  const result = searchPlan(model, {
    rankers,
    split: input.rule_set.split,
    stopAtFirstComplete: rankTypes[0] === "fewest_shipments",
    nodeBudget: budget,
    distanceKey:
      rankTypes[0] === "fewest_shipments" && rankTypes[1] === "distance"
        ? distanceKey(rankParams.get("distance") as { bucket_km?: number } | undefined)
        : undefined,
  })
  if (result.method === "heuristic") {
    notes.push(
      `The exact search stopped at its budget of ${budget} steps; ` +
        "the plan comes from a greedy set cover with local improvement and may not be the best possible."
    )
  }

  const shipments = result.best ? toShipments(model, result.best) : []
  let unallocated = remainders(input, lines, shipments, remaining, input.rule_set.split)
  let status: PlanStatus = "routed"
  let finalShipments = shipments
  if (unallocated.length > 0) {
    const policy = input.rule_set.partial
    const waitAt = shipments[0]?.location_id ?? model.locations[0]?.id
    if (policy === "hold" || (policy === "split" && shipments.length === 0) || (policy === "backorder" && !waitAt)) {
      status = "held"
      finalShipments = []
      unallocated = lines.map((l) => ({
        line_id: l.line_id,
        inventory_item_id: l.inventory_item_id,
        quantity: l.quantity,
        reason: `held for a person: ${unallocated.find((r) => r.line_id === l.line_id)?.reason ?? "another line could not be routed"}`,
      }))
    } else if (policy === "backorder") {
      status = "backordered"
      unallocated = unallocated.map((r) => ({ ...r, backorder_location_id: waitAt }))
      notes.push(`${nameOf(input.candidates, waitAt!)} waits for stock for the units not routed now.`)
    } else {
      status = "partially_routed"
    }
  }

  if (unplaced && input.rule_set.hold_unplaced && status !== "held") {
    // Distances from a country's centre can pick the wrong warehouse: a person checks the address.
    status = "held"
    finalShipments = []
    unallocated = lines.map((l) => ({
      line_id: l.line_id,
      inventory_item_id: l.inventory_item_id,
      quantity: l.quantity,
      reason: `held for a person: the address was ${unplaced}`,
    }))
  }

  const { decided_by, decision } = decide(model, rankers, result.best, result.runnerUp)
  return {
    status,
    method: result.method,
    shipments: finalShipments,
    unallocated,
    trace: { steps, decided_by, decision, method: result.method, search_nodes: result.nodes, notes, placement },
  }
}

/** The destination's point, how it was placed, and when it is only the country's centre, a phrase saying why. */
function locateDestination(
  input: PlanInput,
  options: PlanOptions,
  notes: string[]
): { point: GeoPoint | null; unplaced: string | null; placement: Placement | null } {
  if (input.address.point) return { point: input.address.point, unplaced: null, placement: { by: "point" } }
  const found = options.geocode?.(input.address) ?? null
  if (!found) return { point: null, unplaced: null, placement: null }
  const placement: Placement = found.unmatched?.length
    ? { by: found.precision, unmatched: found.unmatched }
    : { by: found.precision }
  if (found.precision !== "country") {
    notes.push(`The destination was placed by its ${found.precision.replace("_", " ")}.`)
    return { point: found.point, unplaced: null, placement }
  }
  const why = found.unmatched?.length
    ? found.unmatched.map((part) => `${part.replace("_", " ")} not found`).join(", ")
    : "no postal code, city or province given"
  const unplaced = `placed at the centre of ${normalizeCountry(input.address.country_code)}: ${why}`
  notes.push(`The destination was ${unplaced}; distances are from there.`)
  return { point: found.point, unplaced, placement }
}

/** Turns an option's per-item units into lines: lines in order, locations in order. */
function toShipments(model: SearchModel, option: PlanOption): Shipment[] {
  const n = model.items.length
  const shipments: Shipment[] = option.locations.map((l, k) => ({
    location_id: model.locations[l].id,
    location_name: model.locations[l].name,
    lines: [],
    value: option.values[k],
    distance_km: Number.isFinite(model.km[l]) ? Math.round(model.km[l] * 10) / 10 : null,
  }))
  for (let i = 0; i < n; i++) {
    const lines = model.linesByItem[i]
    let li = 0
    let used = 0
    for (let k = 0; k < option.locations.length; k++) {
      let give = option.units[k * n + i]
      while (give > 0 && li < lines.length) {
        const take = Math.min(give, lines[li].quantity - used)
        shipments[k].lines.push({ line_id: lines[li].line_id, inventory_item_id: model.items[i], quantity: take })
        give -= take
        used += take
        if (used === lines[li].quantity) {
          li++
          used = 0
        }
      }
    }
  }
  return shipments
}

function remainders(
  input: PlanInput,
  lines: PlanInput["lines"],
  shipments: Shipment[],
  eligible: Candidate[],
  split: SplitPolicy
): Remainder[] {
  const shipped = new Map<string, number>()
  for (const s of shipments) for (const l of s.lines) shipped.set(l.line_id, (shipped.get(l.line_id) ?? 0) + l.quantity)
  const demand = new Map<string, number>()
  for (const l of lines) demand.set(l.inventory_item_id, (demand.get(l.inventory_item_id) ?? 0) + l.quantity)

  const out: Remainder[] = []
  for (const line of lines) {
    const missing = line.quantity - (shipped.get(line.line_id) ?? 0)
    if (missing <= 0) continue
    const item = line.inventory_item_id
    const wanted = demand.get(item)!
    const atEligible = eligible.reduce((sum, c) => sum + availableUnits(c, item), 0)
    const anywhere = input.candidates.reduce((sum, c) => sum + availableUnits(c, item), 0)
    let reason: string
    if (atEligible >= wanted) reason = `the split policy (${describeSplit(split)}) does not allow shipping it from the locations that have it`
    else if (anywhere > atEligible) reason = `only ${atEligible} of ${wanted} units are at locations the rules allow (${anywhere} in stock anywhere)`
    else reason = `only ${atEligible} of ${wanted} units are in stock above safety stock`
    out.push({ line_id: line.line_id, inventory_item_id: item, quantity: missing, reason })
  }
  return out
}

export function describeSplit(split: SplitPolicy): string {
  switch (split.type) {
    case "none":
      return "one shipment only"
    case "allowed":
      return "splits allowed"
    case "max_shipments":
      return `at most ${split.max} shipments`
    case "min_shipment_value":
      return `every shipment worth at least ${split.min_value}`
  }
}

function decide(
  model: SearchModel,
  rankers: Ranker[],
  best: PlanOption | null,
  runnerUp: PlanOption | null
): { decided_by: string | null; decision: string } {
  if (!best) return { decided_by: null, decision: "No eligible location can ship any of this order." }
  const winner = names(model, best)
  if (!runnerUp) return { decided_by: null, decision: `${winner} was the only way to ship the order.` }
  const { by } = compareOptions(rankers, best, runnerUp)
  if (!by) return { decided_by: null, decision: `${winner} was chosen.` }
  return {
    decided_by: by.label,
    decision: `${winner} won on ${by.label}: ${by.values(best, runnerUp)} (against ${names(model, runnerUp)}).`,
  }
}

const names = (model: SearchModel, option: PlanOption) =>
  option.locations.map((l) => model.locations[l].name).join(" + ")

const nameOf = (candidates: Candidate[], id: string) => candidates.find((c) => c.id === id)?.name ?? id

const sortById = (candidates: Candidate[]) => candidates.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

import { describe, evaluate, explain } from "../../rules"
import { carrierNames, type Rate } from "../contract"
import type { RatePolicy, RateRule, RateSelector, RateShoppingResult, RateTraceStep, ShipmentFacts } from "./policy"
import { cheapestFirst, daysText, fastestFirst, money, rateName, tieNote } from "./rank"

/**
 * Picks the rate a shipping option ships with, and says why in the words routing uses:
 * "DHL Express won: cheapest of 4 arriving within 2 days (12.40 EUR, 2 days)."
 *
 * Rates first narrow to one currency (prices in two currencies cannot be compared). Then the
 * policy's rules are tried in order: a rule whose condition does not hold, or that accepts no
 * rate, hands over to the next; the first that accepts rates picks among them. Without such a
 * rule the cheapest rate wins. Ties are broken the same way every time (cheapest: faster, then
 * by name; fastest: cheaper, then by name) and the decision says so.
 */
export function shopRates(policy: RatePolicy, rates: Rate[], facts: ShipmentFacts): RateShoppingResult {
  const notes: string[] = []
  const pool = comparableRates(rates, facts.currency_code, notes)
  const steps: RateTraceStep[] = []
  if (pool.length === 0) {
    return { winner: null, trace: { steps, decided_by: null, decision: "No rate to choose from: the carriers quoted nothing usable for this shipment.", notes } }
  }

  for (const [index, rule] of policy.rules.entries()) {
    const label = ruleLabel(rule, index)
    if (rule.when && !evaluate(rule.when, facts)) {
      steps.push({ rule: label, applied: false, candidates: 0, sentence: `${label}: ${explain(rule.when, facts)}` })
      continue
    }
    const accepted = pool.filter((rate) => selects(rule.only, rate) && arrivesWithin(rule.within_days, rate))
    if (accepted.length === 0) {
      steps.push({ rule: label, applied: true, candidates: 0, sentence: `${label} applies, but none of the ${pool.length} rates is ${scopeWords(rule).trim() || "acceptable"}; the next rule decides.` })
      continue
    }
    const { winner, decision } = pickAmong(accepted, rule)
    steps.push({ rule: label, applied: true, candidates: accepted.length, sentence: `${label}: ${decision}` })
    return { winner, trace: { steps, decided_by: label, decision, notes } }
  }

  const fallback: RateRule = { pick: "cheapest" }
  const { winner, decision } = pickAmong(pool, fallback, policy.rules.length ? " (no rule picked a rate)" : "")
  steps.push({ rule: "default", applied: true, candidates: pool.length, sentence: `default: ${decision}` })
  return { winner, trace: { steps, decided_by: null, decision, notes } }
}

function pickAmong(accepted: Rate[], rule: RateRule, suffix = ""): { winner: Rate; decision: string } {
  const fastest = rule.pick === "fastest"
  const [winner, runnerUp] = [...accepted].sort(fastest ? fastestFirst : cheapestFirst)
  const measure = fastest ? "fastest" : "cheapest"
  const because = rule.when ? `, as ${describe(rule.when)}` : ""
  const tie = tieNote(winner, runnerUp, fastest ? "days" : "price")
  const decision =
    `${rateName(winner)} won: ${measure} of ${accepted.length}${scopeWords(rule)}${because}${suffix} ` +
    `(${money(winner)}, ${daysText(winner.days)})${tie ? `; ${tie}` : ""}.`
  return { winner, decision }
}

/** " from DHL Express arriving within 2 days": what the rule narrowed the rates to. */
function scopeWords(rule: RateRule): string {
  let words = ""
  if (rule.only) words += ` from ${selectorWords(rule.only)}`
  if (rule.within_days !== undefined) words += ` arriving within ${daysText(rule.within_days)}`
  return words
}

function selectorWords(only: RateSelector): string {
  const parts: string[] = []
  if (only.carriers) parts.push(only.carriers.map((c) => carrierNames[c]).join(" or "))
  if (only.providers) parts.push(only.providers.join(" or "))
  if (only.service_codes) parts.push(`service ${only.service_codes.join(" or ")}`)
  return parts.join(", ")
}

function selects(only: RateSelector | undefined, rate: Rate): boolean {
  if (!only) return true
  const provider = rate.provider.trim().toLowerCase()
  return (
    (!only.carriers || only.carriers.includes(rate.carrier)) &&
    (!only.providers || only.providers.some((p) => p.trim().toLowerCase() === provider)) &&
    (!only.service_codes || only.service_codes.includes(rate.service_code))
  )
}

/** A rate without a promised transit time cannot be shown to arrive in time, so it is left out. */
function arrivesWithin(days: number | undefined, rate: Rate): boolean {
  return days === undefined || (rate.days !== null && rate.days <= days)
}

const ruleLabel = (rule: RateRule, index: number) => (rule.name ? `rule ${index + 1} "${rule.name}"` : `rule ${index + 1}`)

/**
 * The rates that can be compared: priced (a finite amount of 0 or more) and in one currency,
 * the order's when any rate is quoted in it, else the currency most rates use.
 */
function comparableRates(rates: Rate[], orderCurrency: string, notes: string[]): Rate[] {
  const priced = rates.filter((r) => Number.isFinite(r.amount) && r.amount >= 0)
  if (priced.length < rates.length) notes.push(`${rates.length - priced.length} of ${rates.length} rates had no usable price and were left out.`)
  if (priced.length === 0) return []
  const wanted = orderCurrency.trim().toUpperCase()
  const counts = new Map<string, number>()
  for (const r of priced) counts.set(r.currency_code.toUpperCase(), (counts.get(r.currency_code.toUpperCase()) ?? 0) + 1)
  const currency = counts.has(wanted)
    ? wanted
    : [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
  const kept = priced.filter((r) => r.currency_code.toUpperCase() === currency)
  if (kept.length < priced.length) {
    const others = [...counts.keys()].filter((c) => c !== currency).sort().join(", ")
    notes.push(`${priced.length - kept.length} rates in ${others} were left out: only rates in ${currency} can be compared${currency === wanted ? " (the order's currency)" : ""}.`)
  }
  return kept
}

import type { Condition, OrderFacts } from "../../rules/condition"
import type { CarrierCode, Rate } from "../contract"

/**
 * How a shipping option picks its carrier rate. Rules are tried in order; the first rule whose
 * condition holds and that finds at least one rate it accepts picks the winner. When no rule
 * does, the cheapest rate of all wins. A person reads the trace to see which rule decided.
 */
export type RatePolicy = { rules: RateRule[] }

export const rateStrategies = ["cheapest", "fastest", "best_value"] as const
/**
 * cheapest: lowest price, faster on a tie. fastest: fewest transit days, cheaper on a tie.
 * best_value: the cheapest of the rates arriving within `within_days` (required).
 */
export type RateStrategy = (typeof rateStrategies)[number]

export type RateRule = {
  /** A short name for the trace ("Heavy to Germany"); "rule N" otherwise. */
  name?: string
  /** When the rule applies (the shared condition language); always when absent. */
  when?: Condition
  /** Preferred carrier or service: only these rates take part (any listed field must match). */
  only?: RateSelector
  pick: RateStrategy
  /** Only rates promising at most this many transit days; rates without a promise are left out. */
  within_days?: number
}

/** Rates to prefer: each list given must contain the rate's value (lists combine with "and"). */
export type RateSelector = {
  carriers?: CarrierCode[]
  /** As the rate names the company that moves the box ("DHL Express", "USPS"); case-blind. */
  providers?: string[]
  service_codes?: string[]
}

/** What rate shopping may look at: the order's facts plus the shipment's (weight, parcels). */
export type ShipmentFacts = OrderFacts

export type RateTraceStep = {
  rule: string
  /** False when the rule's condition did not hold. */
  applied: boolean
  /** How many rates the rule accepted (0 when it did not apply). */
  candidates: number
  sentence: string
}

export type RateTrace = {
  steps: RateTraceStep[]
  /** The rule that picked the winner; null when the default (cheapest of all) did, or nothing could. */
  decided_by: string | null
  /** "DHL Express won: cheapest of 4 arriving within 2 days." */
  decision: string
  /** Rates left out before any rule (another currency), and how a tie was broken. */
  notes: string[]
}

export type RateShoppingResult = { winner: Rate | null; trace: RateTrace }

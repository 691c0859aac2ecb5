import { defaultRuleSet } from "../../../lib/routing/default-rule-set"
import type {
  FilterType as FilterRuleType,
  PartialPolicy,
  RankType as RankRuleType,
  RoutingRule as PlannerRule,
  RuleKind,
  RuleSetDefinition,
  RuleSetStatus,
  SplitPolicy,
} from "../../../types/routing"

/**
 * A rule while a person edits it: any kind with any type and either param, so switching a
 * rule's kind or type does not fight the planner's stricter union (the server validates it).
 */
export type RoutingRule = {
  kind: RuleKind
  type: PlannerRule["type"]
  params?: { location_ids?: string[]; bucket_km?: number }
  condition?: PlannerRule["condition"]
  label?: string
}

/** Rule types the planner knows, per kind, with the words the admin shows for them. */
export const FILTER_TYPES: Array<{ value: FilterRuleType; label: string }> = [
  { value: "serves_market", label: "Serves the market" },
  { value: "active", label: "Active" },
  { value: "capacity", label: "Daily capacity left" },
  { value: "safety_stock", label: "Above safety stock" },
  { value: "include_locations", label: "Only these locations" },
  { value: "exclude_locations", label: "Not these locations" },
]

export const RANK_TYPES: Array<{ value: RankRuleType; label: string }> = [
  { value: "fewest_shipments", label: "Fewest shipments" },
  { value: "distance", label: "Nearest" },
  { value: "priority", label: "Priority" },
  { value: "inventory_balance", label: "Most stock left" },
  { value: "location_id", label: "Location ID (tie-break)" },
]

export const KIND_LABELS: Record<RuleKind, string> = { filter: "Filter", rank: "Rank" }

export const SPLIT_TYPES: Array<{ value: SplitPolicy["type"]; label: string }> = [
  { value: "allowed", label: "Split when needed" },
  { value: "none", label: "Never split" },
  { value: "max_shipments", label: "At most N shipments" },
  { value: "min_shipment_value", label: "Minimum shipment value" },
]

export const PARTIAL_POLICIES: Array<{ value: PartialPolicy; label: string }> = [
  { value: "split", label: "Ship what can be placed" },
  { value: "hold", label: "Hold the order" },
  { value: "backorder", label: "Backorder the rest" },
]

export const ruleTypeLabel = (rule: Pick<RoutingRule, "kind" | "type">): string => {
  const list: Array<{ value: string; label: string }> = rule.kind === "filter" ? FILTER_TYPES : RANK_TYPES
  return list.find((entry) => entry.value === rule.type)?.label ?? rule.type.replace(/_/g, " ")
}

export const needsLocations = (rule: Pick<RoutingRule, "kind" | "type">): boolean =>
  rule.kind === "filter" && (rule.type === "include_locations" || rule.type === "exclude_locations")

/** Where a new rule set starts: the planner's own default rules (one source of truth). */
export const defaultDefinition = (): RuleSetDefinition => defaultRuleSet() as RuleSetDefinition

/** "Serves the market, Active, ..." in the rule set's order; a rule's own label wins. */
export const summarizeRules = (rules: RoutingRule[], kind: RuleKind): string => {
  const names = rules.filter((rule) => rule.kind === kind).map((rule) => rule.label || ruleTypeLabel(rule))
  return names.length ? names.join(", ") : "None"
}

export const splitLabel = (split: SplitPolicy): string => {
  switch (split.type) {
    case "none":
      return "Never split"
    case "allowed":
      return "Split when needed"
    case "max_shipments":
      return `At most ${split.max} shipments`
    case "min_shipment_value":
      return `Shipments worth at least ${split.min_value}`
    default:
      return String((split as { type: string }).type)
  }
}

export const partialLabel = (partial: PartialPolicy): string =>
  PARTIAL_POLICIES.find((entry) => entry.value === partial)?.label ?? partial

export const RULE_SET_STATUS_DISPLAY: Record<RuleSetStatus, { label: string; color: "green" | "grey" | "blue" }> = {
  draft: { label: "Draft", color: "blue" },
  active: { label: "Active", color: "green" },
  archived: { label: "Archived", color: "grey" },
}

/** Moves the item at `from` to `to` (both in range); returns a new array. */
export const move = <T,>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length || from === to) return list
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item)
  return next
}

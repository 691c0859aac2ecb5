/**
 * One reader per stored JSON column of the routing module (decisions, rule sets, simulations,
 * shadow results). Every reader of those columns goes through these, so the shape is written
 * down once and an odd row fails with a sentence that names it.
 */
export { StoredJsonError } from "./column"
export { parseStoredPlan, parseStoredShipments } from "./plan"
export type { StoredPlan, StoredPlanInput } from "./plan"
export { parseDecisionHistory, parseStoredTrace, withDecisionEntry } from "./decision"
export type { DecisionHistory, DecisionHistoryEntry } from "./decision"
export { parseRuleSetDefinition, parseRuleSetHistory, withRuleSetEntry } from "./rule-set"
export type { RuleSetHistory, RuleSetHistoryEntry } from "./rule-set"
export {
  parseReplaySide,
  parseSimulationProgress,
  parseSimulationRows,
  parseSimulationTotals,
  parseSimulationWindow,
} from "./simulation"
export type { SimulationProgress, SimulationRow, SimulationTotals, SimulationWindow } from "./simulation"

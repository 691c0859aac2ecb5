/**
 * The routing module's stored JSON columns, as their parsers in src/lib/routing/stored read
 * them. Readers on the server call the parsers; everyone else imports these types.
 */
export type {
  DecisionHistory,
  DecisionHistoryEntry,
  RuleSetHistory,
  RuleSetHistoryEntry,
  SimulationProgress,
  SimulationRow,
  SimulationTotals,
  SimulationWindow,
  StoredPlan,
  StoredPlanInput,
} from "../../lib/routing/stored"

/**
 * Requests and responses of routing's admin API (src/api/admin/oms: locations, orders' routing,
 * the queue, rule sets, shadow mode, simulations). Built from the planner's own types and the
 * stored shapes, so the admin and the routes cannot drift apart.
 */
import type { GeoPrecision } from "../../lib/geo/geocode"
import type {
  FilterType,
  PartialPolicy,
  Placement,
  PlanStatus,
  RankType,
  Remainder,
  RoutingRule,
  RuleSet as RuleSetDefinition,
  SearchMethod,
  Shipment,
  ShipmentLine,
  SplitPolicy,
  Trace,
  TraceStep,
} from "../../lib/routing/types"
import type { ReplayDay, ReplaySide, SideTotals } from "../../lib/routing/simulate"
import type { Paginated, Timestamp } from "../common"
import type {
  DecisionHistory,
  RuleSetHistoryEntry,
  SimulationProgress,
  SimulationRow,
  SimulationTotals,
  SimulationWindow,
  StoredPlan,
} from "./stored"

export type { FilterType, PartialPolicy, RankType, Remainder, RoutingRule, RuleSetDefinition, SplitPolicy }
export type { Placement, ReplayDay, ReplaySide, SideTotals, Shipment, ShipmentLine, Trace, TraceStep }

/** A filter removes locations; a rank orders the plans still in play. */
export type RuleKind = RoutingRule["kind"]

// Locations -----------------------------------------------------------------------------------

export type LocationAddress = {
  address_1: string | null
  city: string | null
  province: string | null
  postal_code: string | null
  country_code: string | null
}

/** How routing treats a stock location: the stored profile, or the defaults (has_profile false). */
export type LocationProfile = {
  active: boolean
  priority: number
  markets: string[]
  daily_capacity: number | null
  safety_stock: number
  latitude: number | null
  longitude: number | null
  has_profile: boolean
}

export type AdminOmsLocation = {
  id: string
  name: string
  address: LocationAddress | null
  profile: LocationProfile
  /** Orders routed to it (in part) today, in the store's time zone. */
  capacity_used_today: number
  /** Its address geocoded offline: where routing places it when no coordinates are set. */
  geocoded: { latitude: number; longitude: number; precision: GeoPrecision } | null
}

/** GET /admin/oms/locations */
export type AdminOmsLocationsResponse = Paginated<{ locations: AdminOmsLocation[] }>

/** GET and POST /admin/oms/locations/:id */
export type AdminOmsLocationResponse = { location: AdminOmsLocation }

/** Body of POST /admin/oms/locations/:id: any subset of the profile. */
export type AdminUpdateLocationProfilePayload = Partial<Omit<LocationProfile, "has_profile">>

// Decisions -----------------------------------------------------------------------------------

/** A decision's status: the plan's, or canceled once the order was. */
export type RoutingStatus = PlanStatus | "canceled"

/** Which search made the plan; "manual" once a person moved lines. */
export type RoutingMethod = SearchMethod | "manual"

/** One order's routing decision with its stored plan, trace and history read by their parsers. */
export type AdminRoutingDecision = {
  id: string
  order_id: string
  status: RoutingStatus
  method: RoutingMethod
  /** The rule set (and version) that decided, e.g. "default" or "Spring v2". */
  rule_set: string
  location_ids: string[]
  plan: StoredPlan
  trace: Trace
  history: DecisionHistory
  /** When every unit of the order had been fulfilled. */
  fulfilled_at?: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

/** GET /admin/oms/orders/:id/routing and POST .../route, .../reject, .../move */
export type AdminRoutingDecisionResponse = { decision: AdminRoutingDecision }

/** A decision waiting in the queue, with the order number people know. */
export type AdminQueuedDecision = AdminRoutingDecision & { display_id: number | null }

/** GET /admin/oms/routing/queue: held, backordered and partly routed orders, oldest first. */
export type AdminRoutingQueueResponse = Paginated<{ decisions: AdminQueuedDecision[] }>

export type RejectReason = "not_in_stock" | "damaged" | "no_capacity"

/** Body of POST /admin/oms/orders/:id/reject */
export type AdminRejectLinesPayload = {
  location_id: string
  reason: RejectReason
  items: { line_item_id: string; quantity: number }[]
  note?: string
}

/** Body of POST /admin/oms/orders/:id/move; a line without a quantity moves whole. */
export type AdminMoveLinesPayload = { to_location_id: string; items: { line_item_id: string; quantity?: number }[] }

// Rule sets -----------------------------------------------------------------------------------

export type RuleSetStatus = "draft" | "active" | "archived"

export type ShadowStats = { planned: number; disagreements: number }

/** A history entry as the admin shows it: with the person's e-mail address. */
export type AdminRuleSetHistoryEntry = RuleSetHistoryEntry & { actor_email?: string | null }

export type AdminRuleSet = {
  id: string
  name: string
  version: number
  status: RuleSetStatus
  sales_channel_id: string | null
  definition: RuleSetDefinition
  created_by: string | null
  activated_at: Timestamp | null
  archived_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
  /** Drafts only: every new order is also planned with it, and disagreements are counted. */
  shadow: boolean
  shadow_stats: ShadowStats
  created_by_email: string | null
  history: { entries: AdminRuleSetHistoryEntry[] }
}

/** GET /admin/oms/rule-sets: every version, newest first. */
export type AdminRuleSetsResponse = Paginated<{ rule_sets: AdminRuleSet[] }>

/** GET, POST /admin/oms/rule-sets[/:id[/activate|/archive|/duplicate|/shadow]] */
export type AdminRuleSetResponse = { rule_set: AdminRuleSet }

/** Body of POST /admin/oms/rule-sets */
export type AdminCreateRuleSetPayload = { name: string; sales_channel_id?: string | null; definition: RuleSetDefinition }

/** Body of POST /admin/oms/rule-sets/:id (drafts only) */
export type AdminUpdateRuleSetPayload = Partial<Omit<AdminCreateRuleSetPayload, "name">>

/** Body of POST /admin/oms/rule-sets/:id/shadow */
export type AdminShadowRuleSetPayload = { enabled: boolean }

// Shadow mode ---------------------------------------------------------------------------------

export type AdminShadowResult = {
  order_id: string
  display_id: number | null
  decision_id: string
  agrees: boolean
  live: ReplaySide
  shadow: ReplaySide
  /** The difference in a sentence; empty when they agree. */
  changes: string
  created_at: Timestamp
  updated_at: Timestamp
}

/** GET /admin/oms/rule-sets/:id/shadow-results[?disagreements_only=true] */
export type AdminShadowResultsResponse = Paginated<{ results: AdminShadowResult[] }> & ShadowStats

// Simulations ---------------------------------------------------------------------------------

export type SimulationStatus = "queued" | "running" | "done" | "canceled" | "failed"

export type AdminSimulation = {
  id: string
  rule_set_id: string
  window: SimulationWindow
  status: SimulationStatus
  progress: SimulationProgress
  totals: SimulationTotals | null
  /** Left out (null) while the run is queued or running: the page polls every second. */
  rows: SimulationRow[] | null
  error: string | null
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

/** POST /admin/oms/simulations (202), GET /admin/oms/simulations/:id, POST .../:id/cancel */
export type AdminSimulationResponse = { simulation: AdminSimulation }

/** Body of POST /admin/oms/simulations: the last n decisions, or a date range. */
export type AdminCreateSimulationPayload = { rule_set_id: string } & SimulationWindow

/** Response shapes of the plugin's admin API (src/api/admin/oms). */

export type FulfillmentStatus =
  | "not_fulfilled"
  | "partially_fulfilled"
  | "fulfilled"
  | "partially_shipped"
  | "shipped"
  | "partially_delivered"
  | "delivered"
  | "canceled"

export type StockAtLocation = {
  location_id: string
  name: string
  items: number
  stocked: number
  reserved: number
  available: number
}

export type OmsOverview = {
  timezone: string
  today_starts_at: string
  orders_today: number
  fulfillment: {
    window_days: number
    orders: number
    by_status: Partial<Record<FulfillmentStatus, number>> & Record<string, number>
  }
  stock_by_location: StockAtLocation[]
  routing: RoutingCounts
}

/** Routing on the Order management page: today's decisions, and what waits now. */
export type RoutingCounts = {
  routed_today: number
  split_today: number
  /** 0..1; null when nothing was routed today. */
  split_rate: number | null
  average_km: number | null
  held: number
  backordered: number
}

export type LocationAddress = {
  address_1: string | null
  city: string | null
  province: string | null
  postal_code: string | null
  country_code: string | null
}

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

export type OmsLocation = {
  id: string
  name: string
  address: LocationAddress | null
  profile: LocationProfile
  /** Orders routed to it (in part) today, in the store's time zone. */
  capacity_used_today: number
  /** Its address geocoded offline: where routing places it when no coordinates are set. */
  geocoded: { latitude: number; longitude: number; precision: "postal_code" | "city" | "province" | "country" } | null
}

export type OmsLocationsResponse = { locations: OmsLocation[]; count: number }

/** Body of POST /admin/oms/locations/:id: any subset of the profile. */
export type LocationProfileUpdate = Partial<
  Pick<
    LocationProfile,
    "active" | "priority" | "markets" | "daily_capacity" | "safety_stock" | "latitude" | "longitude"
  >
>

export type ReservedLine = {
  line_item_id: string
  title: string
  sku: string | null
  quantity: number
}

export type OrderReservations = {
  order_id: string
  display_id: number | null
  locations: Array<{ location_id: string; name: string; units: number; lines: ReservedLine[] }>
  /** Units already fulfilled: no longer reserved, and nothing is wrong. */
  fulfilled?: ReservedLine[]
  unreserved: ReservedLine[]
}

export type RoutingStatus = "routed" | "partially_routed" | "held" | "backordered" | "canceled"

export type RoutingMethod = "exact" | "heuristic"

/** One plan line; `line_id` is "<line_item_id>|<inventory_item_id>". */
export type RoutingPlanLine = {
  line_id: string
  inventory_item_id: string
  quantity: number
}

export type RoutingShipment = {
  location_id: string
  location_name: string
  lines: RoutingPlanLine[]
  value: number
  distance_km: number | null
}

export type RoutingRemainder = RoutingPlanLine & {
  reason: string
  backorder_location_id?: string
}

export type RoutingTraceStep = {
  rule: string
  kind: "filter" | "rank"
  /** False when the rule's condition did not hold for this order. */
  applied: boolean
  sentence: string
  removed?: Array<{ location_id: string; because: string }>
}

export type RoutingHistoryEntry = { at: string; action: string; actor: string; summary: string }

export type RoutingDecision = {
  id: string
  order_id: string
  status: RoutingStatus
  method: RoutingMethod
  rule_set: string
  location_ids: string[]
  plan: { shipments: RoutingShipment[]; unallocated: RoutingRemainder[]; moved_lines?: string[] }
  trace: {
    steps: RoutingTraceStep[]
    decided_by: string | null
    /** One sentence: where the order ships from and why. */
    decision: string
    method: RoutingMethod
    search_nodes: number
    notes: string[]
  }
  history: { entries: RoutingHistoryEntry[] }
  created_at: string
  updated_at: string
}

/** GET /admin/oms/orders/:id/routing, with a 404 ("not routed yet") turned into `null`. */
export type OrderRouting = { decision: RoutingDecision | null }

export type RuleKind = "filter" | "rank"

export type FilterRuleType =
  | "active"
  | "serves_market"
  | "capacity"
  | "safety_stock"
  | "include_locations"
  | "exclude_locations"

export type RankRuleType = "priority" | "distance" | "fewest_shipments" | "inventory_balance" | "location_id"

/** One rule of a rule set; `condition` is kept as the server sent it (the editor does not change it). */
export type RoutingRule = {
  kind: RuleKind
  type: FilterRuleType | RankRuleType
  params?: { location_ids?: string[]; bucket_km?: number }
  condition?: unknown
  label?: string
}

export type SplitPolicy =
  | { type: "none" }
  | { type: "allowed" }
  | { type: "max_shipments"; max: number }
  | { type: "min_shipment_value"; min_value: number }

export type PartialPolicy = "split" | "hold" | "backorder"

export type RuleSetDefinition = { rules: RoutingRule[]; split: SplitPolicy; partial: PartialPolicy }

export type RuleSetStatus = "draft" | "active" | "archived"

export type RuleSet = {
  id: string
  name: string
  version: number
  status: RuleSetStatus
  sales_channel_id: string | null
  definition: RuleSetDefinition
  created_by: string | null
  activated_at: string | null
  archived_at: string | null
  created_at: string
  /** Drafts only: every new order is also planned with it, and disagreements are counted. */
  shadow?: boolean
  shadow_stats?: ShadowStats
  created_by_email?: string | null
  history?: { entries: RuleSetHistoryEntry[] }
}

export type ShadowStats = { planned: number; disagreements: number }

/** Who did what with a version: created, duplicated, edited, shadow on/off, activated, archived. */
export type RuleSetHistoryEntry = {
  at: string
  actor: string | null
  actor_email?: string | null
  action: string
  summary: string
}

/** What one plan does for an order (live or draft), in the numbers people compare. */
export type ReplaySide = { locations: string[]; shipments: number; km: number; unallocated_units: number }

export type ShadowResult = {
  order_id: string
  display_id: number | null
  agrees: boolean
  live: ReplaySide
  shadow: ReplaySide
  changes: string
  created_at: string
  updated_at?: string
}

export type ShadowResultsResponse = {
  results: ShadowResult[]
  count: number
  planned: number
  disagreements: number
}

export type SimulationStatus = "queued" | "running" | "done" | "canceled" | "failed"

export type SimulationWindow = { last: number } | { from: string; to: string }

export type SimulationRow = {
  decision_id: string
  order_id: string
  live_rule_set: string
  live: ReplaySide
  draft: ReplaySide
  changed: boolean
}

export type SimulationSideTotals = {
  orders: number
  shipments: number
  split_orders: number
  split_rate: number
  km: number
  unallocated_units: number
  /** Orders each location ships (part of), by location id. */
  load: Record<string, number>
  capacity_breaches?: number
}

export type SimulationTotals = {
  orders: number
  changed: number
  skipped?: number
  live: SimulationSideTotals
  draft: SimulationSideTotals
  delta: Omit<SimulationSideTotals, "orders">
}

export type Simulation = {
  id: string
  rule_set_id: string
  window: SimulationWindow
  status: SimulationStatus
  progress: { done: number; total: number | null; skipped: number }
  totals: SimulationTotals | null
  rows: SimulationRow[] | null
  error: string | null
  created_at: string
}

export type RuleSetsResponse = { rule_sets: RuleSet[]; count: number }

export type RoutingQueueResponse = { decisions: RoutingDecision[]; count: number }

export type SalesChannelOption = { id: string; name: string }

export type UserOption = { id: string; email: string; first_name: string | null; last_name: string | null }

import type { Condition, OrderFacts } from "../rules/condition"
import type { GeoPoint } from "../geo/distance"
import type { AddressToGeocode, GeocodeResult, GeoPrecision, UnmatchedPart } from "../geo/geocode"

/** One order line to place; `unit_value` in major units of the order currency. */
export interface OrderLine {
  line_id: string
  inventory_item_id: string
  quantity: number
  unit_value: number
}

export interface StockLevel {
  stocked: number
  reserved: number
  /** Overrides the location's safety stock for this item. */
  safety_stock?: number
}

/** A stock location the order might ship from, with what routing needs to know about it. */
export interface Candidate {
  id: string
  name: string
  active: boolean
  /** Lower ships first: priority 1 beats priority 2. */
  priority: number
  /** ISO-2 country codes served; empty means every market. */
  markets: string[]
  /** Orders per day; null means unlimited. */
  daily_capacity: number | null
  capacity_used_today: number
  /** Units per item held back from routing (for walk-in sales, damages, ...). */
  safety_stock: number
  point?: GeoPoint | null
  stock: Record<string, StockLevel>
}

export type FilterType =
  | "active"
  | "serves_market"
  | "capacity"
  | "safety_stock"
  | "include_locations"
  | "exclude_locations"

export type RankType = "priority" | "distance" | "fewest_shipments" | "inventory_balance" | "location_id"

/** A rule applies only when its condition holds for the order (no condition: always). */
export type RoutingRule =
  | { kind: "filter"; type: FilterType; params?: { location_ids?: string[] }; condition?: Condition; label?: string }
  | { kind: "rank"; type: RankType; params?: { bucket_km?: number }; condition?: Condition; label?: string }

export type SplitPolicy =
  | { type: "none" }
  | { type: "allowed" }
  | { type: "max_shipments"; max: number }
  | { type: "min_shipment_value"; min_value: number }

/** What to do with units no eligible location can ship now. */
export type PartialPolicy = "split" | "hold" | "backorder"

export interface RuleSet {
  rules: RoutingRule[]
  split: SplitPolicy
  partial: PartialPolicy
  /** Hold for a person an order whose address could be placed only at its country's centre. */
  hold_unplaced?: boolean
}

export interface PlanInput {
  lines: OrderLine[]
  /** Where the order goes; `point` skips geocoding. */
  address: AddressToGeocode & { point?: GeoPoint | null }
  facts: OrderFacts
  candidates: Candidate[]
  rule_set: RuleSet
}

export interface PlanOptions {
  /** Used when the address has no point; pass `geocodeAddress` from lib/geo for bundled data. */
  geocode?: (address: AddressToGeocode) => GeocodeResult | null
  /** Exact search gives up after this many search nodes and falls back to the heuristic. */
  node_budget?: number
}

export interface ShipmentLine {
  line_id: string
  inventory_item_id: string
  quantity: number
}

/** One parcel stream: what one location ships for this order. */
export interface Shipment {
  location_id: string
  location_name: string
  lines: ShipmentLine[]
  value: number
  distance_km: number | null
}

export interface Remainder {
  line_id: string
  inventory_item_id: string
  quantity: number
  reason: string
  /** With the backorder policy: the location that waits for stock for these units. */
  backorder_location_id?: string
}

export type PlanStatus = "routed" | "partially_routed" | "held" | "backordered"

export type SearchMethod = "exact" | "heuristic"

export interface TraceStep {
  rule: string
  kind: "filter" | "rank"
  /** False when the rule's condition did not hold for this order. */
  applied: boolean
  sentence: string
  removed?: { location_id: string; because: string }[]
}

/**
 * How the destination was placed: by the point the caller gave, or by the geocoder's best match
 * (postal code, city, province, or only the country's centre), with the written parts it did not
 * find. Distances in the plan are only as good as this.
 */
export interface Placement {
  by: "point" | GeoPrecision
  unmatched?: UnmatchedPart[]
}

export interface Trace {
  steps: TraceStep[]
  /** The rank rule that separated the winner from the runner-up, if any. */
  decided_by: string | null
  decision: string
  method: SearchMethod
  search_nodes: number
  notes: string[]
  /** Null when the destination could not be placed at all (no point, unknown country). */
  placement: Placement | null
}

export interface Plan {
  status: PlanStatus
  method: SearchMethod
  shipments: Shipment[]
  unallocated: Remainder[]
  trace: Trace
}

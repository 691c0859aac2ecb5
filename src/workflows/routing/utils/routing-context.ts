import type { Candidate, OrderLine, RuleSet } from "../../../lib/routing"
import type { OrderFacts } from "../../../lib/rules"
import type { GeoPoint } from "../../../lib/geo"

/** A reservation as routing sees it. */
export type HeldReservation = {
  id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
}

/**
 * Everything routing needs about one order, loaded in a few batched queries before the
 * stock is read under the inventory locks. Candidates carry no stock yet.
 */
export type RoutingContext = {
  order_id: string
  display_id: number | null
  /** Set when there is nothing to do (already routed, canceled, nothing to reserve). */
  skip: string | null
  existing_decision_id: string | null
  lines: OrderLine[]
  facts: OrderFacts
  address: {
    country_code: string
    province: string | null
    city: string | null
    postal_code: string | null
    point: GeoPoint | null
  }
  candidates: Omit<Candidate, "stock">[]
  inventory_item_ids: string[]
  line_item_ids: string[]
  /** The active rule set for the order's sales channel, else the global one, else the default. */
  rule_set?: RuleSet
  /** How the decision names it: "<name> v<version>" or "default". */
  rule_set_label?: string
  /** Locations that rejected this order; routing never sends it back to them. */
  excluded_location_ids?: string[]
}

/** Planner line id for one inventory item of one order line (a kit line has several). */
export const plannerLineId = (lineItemId: string, inventoryItemId: string) => `${lineItemId}|${inventoryItemId}`

export const splitPlannerLineId = (id: string) => {
  const [line_item_id, inventory_item_id] = id.split("|")
  return { line_item_id, inventory_item_id }
}

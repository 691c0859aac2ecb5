import type { StockLevel } from "../routing"

/** A reservation an order holds: units of one inventory item of one line, at one location. */
export type HeldReservation = {
  id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
}

/** One inventory level as read: what a location holds of an item, and how much is promised. */
export type LevelRow = {
  location_id: string
  inventory_item_id: string
  stocked: number
  reserved: number
}

/**
 * The stock matrix: location -> inventory item -> stocked and reserved, as the planner reads a
 * candidate's stock. Every location asked about has an entry, possibly empty.
 */
export type StockMatrix = Map<string, Record<string, StockLevel>>

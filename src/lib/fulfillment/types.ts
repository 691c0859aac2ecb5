/** One reservation of an order line: units of one inventory item held at one stock location. */
export type LineReservation = {
  id: string
  line_item_id: string | null
  inventory_item_id: string
  location_id: string
  quantity: number
}

/** An inventory item a line's variant is made of, and how many of it one unit of the line takes. */
export type LinePart = {
  inventory_item_id: string
  required_quantity: number
  sku?: string | null
  title?: string | null
}

/** An order line as fulfilment reads it. A kit is a line whose variant has several parts. */
export type FulfillmentLine = {
  id: string
  title?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  manage_inventory: boolean
  parts: LinePart[]
}

/** A request to fulfil some units of some lines at one stock location. */
export type FulfillmentRequest = {
  order: { id: string; display_id?: number | string | null }
  lines: FulfillmentLine[]
  /** Line id and units of the line asked for, in the request's order. */
  asked: { id: string; quantity: number }[]
  /** Every reservation of the asked lines, wherever it is held. */
  reservations: LineReservation[]
  location_id: string
  /** Stock location id -> name, for sentences people read. */
  location_names: Record<string, string>
}

/** What fulfilling at one location does to inventory. */
export type FulfillmentInventoryPlan = {
  location_id: string
  /** Reservations at the location that shrink; the rest of their quantity stays reserved there. */
  toUpdate: { id: string; quantity: number }[]
  /** Reservations at the location used up entirely. */
  toDelete: string[]
  /** Stocked quantity taken at the location, per inventory item (negative). */
  inventoryAdjustment: { inventory_item_id: string; location_id: string; adjustment: number }[]
  /** Units of each inventory item each line takes at the location: the fulfillment's items. */
  consumed: { line_item_id: string; inventory_item_id: string; quantity: number }[]
}

/**
 * Why a fulfilment is refused. `medusa` is Medusa's own sentence for the case (see
 * medusa-sentences.ts); `message` is that sentence followed by the plugin's explanation.
 */
export type FulfillmentRefusal = {
  reason: "no_reservation" | "exceeds_reserved"
  line_item_id: string
  medusa: string
  message: string
}

export type FulfillmentPlanResult = { ok: true; plan: FulfillmentInventoryPlan } | { ok: false; refusal: FulfillmentRefusal }

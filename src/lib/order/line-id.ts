/**
 * One inventory item of one order line. A kit line (a variant made of several inventory items)
 * is several of these; the planner plans them, reservations and wave lines are kept per them.
 * Medusa ids never contain "|", so the pair survives the round trip.
 */
export type OrderLineItemRef = { line_item_id: string; inventory_item_id: string }

/** The planner's line id for one inventory item of one order line. */
export const plannerLineId = (lineItemId: string, inventoryItemId: string) => `${lineItemId}|${inventoryItemId}`

/** The order line and inventory item a planner line id names. */
export const splitPlannerLineId = (id: string): OrderLineItemRef => {
  const [line_item_id, inventory_item_id] = id.split("|")
  return { line_item_id, inventory_item_id }
}

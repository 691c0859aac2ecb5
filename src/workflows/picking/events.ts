/** Events medusa-oms emits about picking and packing. */
export const PickingEvents = {
  /** data: { id: wave_id, stock_location_id, orders, units } */
  WAVE_CREATED: "oms.wave.created",
  /** data: { id: wave_id, stock_location_id, units_picked, units_short } */
  WAVE_COMPLETED: "oms.wave.completed",
  /** data: { id: order_id, wave_id, fulfillment_id } */
  ORDER_PACKED: "oms.order.packed",
} as const

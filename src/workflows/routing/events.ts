/** Events medusa-oms emits about routing; data is `{ id: order_id, decision_id }`. */
export const RoutingEvents = {
  ORDER_ROUTED: "oms.order.routed",
  ORDER_HELD: "oms.order.held",
  ORDER_BACKORDERED: "oms.order.backordered",
} as const

export function eventForStatus(status: string): string {
  if (status === "held") return RoutingEvents.ORDER_HELD
  if (status === "backordered") return RoutingEvents.ORDER_BACKORDERED
  return RoutingEvents.ORDER_ROUTED
}

/** Emitted with `{ id }` when a simulation is queued; `subscribers/run-simulation.ts` runs it. */
export const SimulationEvents = {
  REQUESTED: "oms.simulation.requested",
} as const

/** Events of the returns capability. Each carries `{ id: return case id, order_id, return_id }`. */
export const ReturnEvents = {
  /** A return was requested (store, Medusa's own route, or admin) and Medusa's return confirmed. */
  REQUESTED: "oms.return.requested",
  /** The parcel was scanned in at the inspection station. */
  RECEIVED: "oms.return.received",
  /** Every line graded and Medusa's receive confirmed; the resolution runs off this event. */
  INSPECTED: "oms.return.inspected",
  /** Refund, store credit or exchange released (once). `resolution` and `amount` added. */
  RESOLVED: "oms.return.resolved",
  /** Withdrawn before anything was received. */
  CANCELED: "oms.return.canceled",
} as const

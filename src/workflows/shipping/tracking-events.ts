/** Events of the tracking part of shipping. */
export const TrackingEvents = {
  /** A verified carrier webhook was stored; its updates are processed off the request. */
  WEBHOOK_RECEIVED: "oms.carrier.webhook_received",
  /** A parcel reached its customer: `{ id: order_id, fulfillment_id, label_id, tracking_number }`. */
  PARCEL_DELIVERED: "oms.parcel.delivered",
} as const

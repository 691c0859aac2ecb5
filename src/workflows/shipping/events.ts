/** Events of the shipping capability. */
export const ShippingEvents = {
  /** `{ id: label id, order_id, fulfillment_id }` */
  LABEL_PURCHASED: "oms.label.purchased",
  /** `{ id: label id, order_id, fulfillment_id }` */
  LABEL_VOIDED: "oms.label.voided",
  /** A verified carrier webhook was stored (`{ id }`); its updates are applied off the request. */
  WEBHOOK_RECEIVED: "oms.carrier.webhook_received",
  /** A parcel reached its customer: `{ id: order_id, fulfillment_id, label_id, tracking_number }`. */
  PARCEL_DELIVERED: "oms.parcel.delivered",
} as const

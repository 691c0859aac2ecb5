/** Events of the label capability: `{ id: label id, order_id, fulfillment_id }`. */
export const ShippingEvents = {
  LABEL_PURCHASED: "oms.label.purchased",
  LABEL_VOIDED: "oms.label.voided",
} as const

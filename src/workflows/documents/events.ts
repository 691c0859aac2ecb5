import type { MessageKind } from "../../lib/documents/messages/events"

/** The Medusa and plugin events each customer message answers. */
export const MESSAGE_TRIGGERS: Record<MessageKind, string[]> = {
  "order.confirmed": ["order.placed"],
  "order.shipped": ["shipment.created"],
  "order.delivered": ["oms.parcel.delivered", "delivery.created"],
  "return.requested": ["oms.return.requested"],
  "return.received": ["oms.return.received"],
  "return.resolved": ["oms.return.resolved"],
}

import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MessageKind } from "../lib/documents/messages/events"
import { MESSAGE_TRIGGERS } from "../workflows/documents/events"
import { sendCustomerMessageWorkflow } from "../workflows/documents/workflows/send-customer-message"

type Payload = { id: string; order_id?: string; fulfillment_id?: string; tracking_number?: string; amount?: number }

const KIND_OF = new Map<string, MessageKind>(
  Object.entries(MESSAGE_TRIGGERS).flatMap(([kind, events]) => events.map((e) => [e, kind as MessageKind]))
)

/**
 * Each step of an order's life -> its customer message (sent once: the workflow claims the
 * ledger row first). The entity a message is about: the order, the parcel's fulfillment, or the
 * return case, so "shipped" goes out once per parcel and "delivered" once per parcel whichever
 * of Medusa's or the carrier's delivery event comes first.
 */
export default async function sendCustomerMessages({ event, container }: SubscriberArgs<Payload>) {
  const kind = KIND_OF.get(event.name)
  if (!kind || !event.data?.id) return
  const d = event.data
  const target =
    kind === "order.confirmed" ? { entity_id: d.id, order_id: d.id }
    : kind === "order.delivered" && event.name === "oms.parcel.delivered" ? { entity_id: d.fulfillment_id ?? d.id, order_id: d.id }
    : kind === "order.shipped" || kind === "order.delivered" ? { entity_id: d.id, order_id: await orderOfFulfillment(container, d.id) }
    : { entity_id: d.id, order_id: d.order_id }
  if (!target.order_id) return
  await sendCustomerMessageWorkflow(container).run({
    input: { kind, ...target, order_id: target.order_id, trigger: event.name, amount: d.amount, tracking_number: d.tracking_number },
  })
}

async function orderOfFulfillment(container: SubscriberArgs<Payload>["container"], fulfillmentId: string): Promise<string | undefined> {
  const { data } = await container.resolve("query").graph({ entity: "order_fulfillment", fields: ["order_id"], filters: { fulfillment_id: fulfillmentId } })
  return (data[0] as { order_id?: string } | undefined)?.order_id
}

export const config: SubscriberConfig = {
  event: [...new Set(Object.values(MESSAGE_TRIGGERS).flat())],
  context: { subscriberId: "oms-send-customer-messages" },
}

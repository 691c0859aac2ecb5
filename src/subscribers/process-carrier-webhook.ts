import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ShippingEvents } from "../workflows/shipping/events"
import { processCarrierWebhook } from "../workflows/shipping/utils/process-webhook"

/** oms.carrier.webhook_received -> the webhook's tracking updates, applied once. */
export default async function processCarrierWebhookSubscriber({ event, container }: SubscriberArgs<{ id: string }>) {
  await processCarrierWebhook(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: ShippingEvents.WEBHOOK_RECEIVED,
  context: { subscriberId: "oms-process-carrier-webhook" },
}

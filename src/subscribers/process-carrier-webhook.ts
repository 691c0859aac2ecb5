import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { TrackingUpdate } from "../lib/shipping/contract"
import { SHIPPING_MODULE, ShippingModuleService } from "../modules/shipping"
import { TrackingEvents } from "../workflows/shipping/tracking-events"
import { recordTrackingWorkflow } from "../workflows/shipping/workflows/record-tracking"

/**
 * oms.carrier.webhook_received -> each tracking update through recordTrackingWorkflow. A
 * repeated event finds the webhook processed and stops; one processed half-way (a crash)
 * runs again, and the workflow stores each step and ships/delivers once.
 */
export default async function processCarrierWebhook({ event, container }: SubscriberArgs<{ id: string }>) {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const [webhook] = (await shipping.listCarrierWebhooks({ id: event.data.id }, { take: 1 })) as any[]
  if (!webhook || webhook.processed_at) return
  for (const update of (webhook.updates ?? []) as TrackingUpdate[]) {
    await recordTrackingWorkflow(container).run({ input: { update } })
  }
  await shipping.updateCarrierWebhooks({ id: webhook.id, processed_at: new Date() })
}

export const config: SubscriberConfig = {
  event: TrackingEvents.WEBHOOK_RECEIVED,
  context: { subscriberId: "oms-process-carrier-webhook" },
}

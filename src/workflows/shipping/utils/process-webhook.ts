import type { MedusaContainer } from "@medusajs/framework/types"
import type { TrackingUpdate } from "../../../lib/shipping/contract"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"
import { applyTrackingUpdate } from "./tracked-label"

/**
 * Applies a stored webhook's tracking updates, once: a webhook already processed is left
 * alone; one processed half-way (a crash) runs again, and the workflow stores each step and
 * ships/delivers once.
 */
export async function processCarrierWebhook(container: MedusaContainer, webhookId: string): Promise<void> {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const [webhook] = (await shipping.listCarrierWebhooks({ id: webhookId }, { take: 1 })) as any[]
  if (!webhook || webhook.processed_at) return
  for (const update of (webhook.updates ?? []) as TrackingUpdate[]) {
    await applyTrackingUpdate(container, update)
  }
  await shipping.updateCarrierWebhooks({ id: webhook.id, processed_at: new Date() })
}

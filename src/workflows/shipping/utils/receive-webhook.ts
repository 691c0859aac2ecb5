import type { MedusaContainer } from "@medusajs/framework/types"
import { carrierCodes, carrierNames, CarrierCode, WebhookDelivery } from "../../../lib/shipping/contract"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"
import { ShippingEvents } from "../events"

export type WebhookReceipt =
  | { status: "refused"; http_status: 401 | 404; message: string }
  | { status: "duplicate"; webhook_id: string }
  | { status: "stored"; webhook_id: string; event: string }

/**
 * Verifies a delivery and stores it once per (carrier, event key). Only this is done while
 * the carrier waits; the updates are applied by the subscriber of the stored event. Nothing is
 * written for a delivery that fails verification, and the reason never quotes a secret.
 */
export async function receiveCarrierWebhook(
  container: MedusaContainer,
  input: { carrier: string; account_id: string | null; delivery: WebhookDelivery }
): Promise<WebhookReceipt> {
  if (!(carrierCodes as readonly string[]).includes(input.carrier)) {
    return { status: "refused", http_status: 404, message: `No carrier "${input.carrier}"; carriers: ${carrierCodes.join(", ")}` }
  }
  const carrier = input.carrier as CarrierCode
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const accounts = (await shipping.webhookSecrets(carrier)).filter((a) => !input.account_id || a.account_id === input.account_id)
  if (!accounts.length) {
    return { status: "refused", http_status: 401, message: `No active ${carrierNames[carrier]} account with a webhook secret takes this webhook` }
  }
  let reason = "signature not valid"
  for (const account of accounts) {
    const adapter = await shipping.adapterFor(account.account_id)
    const verified = await adapter.verifyWebhook(input.delivery, account.secrets)
    if (!verified.ok) {
      reason = verified.reason
      continue
    }
    const [earlier] = (await shipping.listCarrierWebhooks({ carrier, event_key: verified.event_key }, { take: 1 })) as any[]
    if (earlier) return { status: "duplicate", webhook_id: earlier.id }
    try {
      const row = (await shipping.createCarrierWebhooks({
        carrier,
        carrier_account_id: account.account_id,
        event_key: verified.event_key,
        updates: verified.updates as unknown as Record<string, unknown>,
      })) as unknown as { id: string }
      return { status: "stored", webhook_id: row.id, event: ShippingEvents.WEBHOOK_RECEIVED }
    } catch (e) {
      // Two deliveries of one event at the same moment: the unique index lets one through.
      const [raced] = (await shipping.listCarrierWebhooks({ carrier, event_key: verified.event_key }, { take: 1 })) as any[]
      if (raced) return { status: "duplicate", webhook_id: raced.id }
      throw e
    }
  }
  return { status: "refused", http_status: 401, message: `${carrierNames[carrier]} webhook refused: ${reason}` }
}

import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CarrierAdapter } from "../../../lib/shipping/contract"
import { toPurchasedLabel } from "../../../modules/shipping/ledger/purchase"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"
import type { LabelRow } from "../../../modules/shipping/types"
import { applyTrackingUpdate } from "./tracked-label"

export type PollTrackingResult = { polled: number; updated: number; failed: number }

/**
 * Asks the carrier for the parcels no webhook tells us about: outbound labels, purchased and
 * not yet delivered, of accounts without a webhook secret (or with `settings.poll_tracking`).
 * Three batched reads, then one carrier call and one workflow per label; a carrier that fails
 * for one label does not stop the others.
 */
export async function pollTracking(container: MedusaContainer, options: { limit?: number } = {}): Promise<PollTrackingResult> {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const accounts = (await shipping.listCarrierAccounts({ active: true }, { take: null })) as any[]
  const polled = accounts.filter((a) => !a.webhook_secret_sealed || a.settings?.poll_tracking === true).map((a) => a.id)
  const result: PollTrackingResult = { polled: 0, updated: 0, failed: 0 }
  if (!polled.length) return result

  const labels = (await shipping.listLabels(
    { status: "purchased", kind: "outbound", carrier_account_id: polled },
    { take: options.limit ?? 200, order: { purchased_at: "ASC" } }
  )) as unknown as LabelRow[]
  if (!labels.length) return result
  const delivered = (await shipping.listTrackingEvents(
    { label_id: labels.map((l) => l.id), status: "delivered" },
    { take: null, select: ["label_id"] }
  )) as any[]
  const done = new Set(delivered.map((e) => e.label_id))

  const adapters = new Map<string, Promise<CarrierAdapter>>()
  for (const label of labels.filter((l) => !done.has(l.id) && l.fulfillment_id)) {
    result.polled++
    try {
      if (!adapters.has(label.carrier_account_id)) adapters.set(label.carrier_account_id, shipping.adapterFor(label.carrier_account_id))
      const adapter = await adapters.get(label.carrier_account_id)!
      const update = await adapter.track(toPurchasedLabel(label))
      const recorded = await applyTrackingUpdate(container, update)
      if (recorded?.added) result.updated++
    } catch (e) {
      result.failed++
      logger.warn(`medusa-oms: tracking of label ${label.id} (${label.carrier}) failed: ${(e as Error).message}`)
    }
  }
  return result
}

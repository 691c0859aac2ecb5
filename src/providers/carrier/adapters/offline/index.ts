import type {
  BuyRequest, CarrierAccountConfig, CarrierAdapter, PurchasedLabel, TrackingUpdate, VoidOutcome,
} from "../../../../lib/shipping/contract"
import { carrierNames } from "../../../../lib/shipping/contract"
import { CarrierError } from "../../../../lib/shipping/errors"
import type { AdapterOptions } from ".."
import { renderParcelLabels } from "./label-files"
import { purchaseBook, purchaseOf, type OfflinePurchase } from "./purchase-book"
import { checkShipment, findService, offlineRates, OFFLINE_PROVIDER, priceOf, shipmentZone, weightBand } from "./pricing"
import { parseOfflineSettings, type OfflineSettings } from "./settings"
import { offlineLabelId, offlineTrackingNumber } from "./tracking-number"
import { createdEvent, rememberFromLabel, verifyOfflineWebhook } from "./webhook"

export { playOfflineTracking, verifyOfflineWebhook, signOfflineWebhook, playbackStatuses } from "./webhook"
export type { PlaybackStatus, OfflineWebhookBody } from "./webhook"
export { OFFLINE_SIGNATURE_HEADER, OFFLINE_TIMESTAMP_HEADER, OFFLINE_WEBHOOK_TOLERANCE_S } from "./webhook"
export { forgetOfflinePurchases } from "./purchase-book"
export { offlineTrackingNumber, isOfflineTrackingNumber } from "./tracking-number"
export { defaultOfflineServices, offlineSettingsSchema, type OfflineSettings } from "./settings"

/** Purchases being made right now, per account and reference, shared by every adapter in the process. */
const inFlight = new Map<string, Promise<PurchasedLabel>>()

export type OfflineAdapterOptions = AdapterOptions & {
  /** The carrier's clock (void windows, label dates); tests move it. */
  now?: () => Date
}

/**
 * The built-in carrier: no HTTP, no account anywhere, yet the whole CarrierAdapter. It prices
 * by zone and weight band, issues tracking numbers derived from our reference, renders real
 * 4x6 labels (PDF or ZPL) and plays tracking events through signed webhooks
 * (`playOfflineTracking`), so a store without a carrier contract runs the whole flow.
 */
export function createOfflineAdapter(config: CarrierAccountConfig, options: OfflineAdapterOptions = {}): CarrierAdapter {
  const settings = parseOfflineSettings(config.settings)
  const now = options.now ?? (() => new Date())
  const book = () => purchaseBook(settings.account_id)
  const gate = async () => options.acquire?.()

  return {
    carrier: "offline",

    async rates(shipment) {
      await gate()
      checkShipment(shipment, "quote")
      return offlineRates(shipment, settings)
    },

    async buy(request) {
      await gate()
      return purchase(request, false)
    },

    async returnLabel(request) {
      await gate()
      return purchase(request, true)
    },

    async lookup(reference) {
      await gate()
      return book().get(reference)?.label ?? null
    },

    async void(label) {
      await gate()
      return voidLabel(settings, label, now())
    },

    async track(label) {
      await gate()
      const known = purchaseOf(settings.account_id, label) ?? rememberFromLabel(settings.account_id, label)
      if (known.voided) throw CarrierError.of("offline", "conflict", `Label ${label.carrier_label_id} was voided; there is nothing to track.`)
      return trackingOf(known)
    },

    async verifyWebhook(delivery, webhookSecrets) {
      return verifyOfflineWebhook(delivery, webhookSecrets)
    },

    async ping() {
      // Nothing to reach: the settings parsed when the adapter was built, which is the test.
    },
  }

  /**
   * Buys once per reference: asking again hands back the same label, never a second one. Asks
   * that arrive while the first is still rendering wait for it (the key is taken before any await).
   */
  async function purchase(request: BuyRequest, isReturn: boolean): Promise<PurchasedLabel> {
    checkShipment(request.shipment, "purchase")
    const key = `${settings.account_id}\u0000${request.shipment.reference}`
    const running = inFlight.get(key)
    if (running) {
      await running.catch(() => undefined)
      return purchase(request, isReturn)
    }
    const attempt = purchaseOnce(request, isReturn)
    inFlight.set(key, attempt)
    try {
      return await attempt
    } finally {
      inFlight.delete(key)
    }
  }

  async function purchaseOnce(request: BuyRequest, isReturn: boolean): Promise<PurchasedLabel> {
    const { shipment } = request
    const earlier = book().get(shipment.reference)
    if (earlier) {
      if (earlier.is_return !== isReturn) {
        throw CarrierError.of(
          "offline",
          "conflict",
          `Reference ${shipment.reference} was already used for ${earlier.is_return ? "a return" : "an outbound"} label; each purchase needs its own reference.`
        )
      }
      earlier.buy_requests++
      return earlier.label
    }

    const service = findService(request.rate.service_code, settings)
    const zone = shipmentZone(shipment)
    const bands = shipment.parcels.map((parcel, i) => weightBand(parcel, i, settings))
    const purchasedAt = now()
    const trackingNumbers = shipment.parcels.map((_, i) => offlineTrackingNumber(shipment.reference, i, isReturn))
    const files = await renderParcelLabels(request, trackingNumbers, {
      service_name: service.name,
      carrier_name: carrierNames.offline,
      shipped_at: purchasedAt,
      is_return: isReturn,
    })

    const label: PurchasedLabel = {
      carrier: "offline",
      carrier_label_id: offlineLabelId(shipment.reference),
      parcels: trackingNumbers.map((tracking_number, i) => ({
        tracking_number,
        tracking_url: settings.tracking_url.replace("{tracking_number}", encodeURIComponent(tracking_number)),
        file: files[i],
      })),
      amount: priceOf(service, zone, bands),
      currency_code: settings.currency_code,
      service_code: service.code,
      // Enough to void and track the label in a process that never saw the purchase.
      carrier_data: {
        reference: shipment.reference,
        purchased_at: purchasedAt.toISOString(),
        zone,
        is_return: isReturn,
        provider: OFFLINE_PROVIDER,
        from_city: shipment.from.city,
        to_city: shipment.to.city,
      },
    }
    const record: OfflinePurchase = {
      reference: shipment.reference,
      label,
      shipment,
      is_return: isReturn,
      purchased_at: purchasedAt,
      events: [createdEvent(label, purchasedAt)],
      voided: false,
      buy_requests: 1,
    }
    book().set(shipment.reference, record)
    return label
  }
}

function voidLabel(settings: OfflineSettings, label: PurchasedLabel, at: Date): VoidOutcome {
  const known = purchaseOf(settings.account_id, label) ?? rememberFromLabel(settings.account_id, label)
  if (known.voided) return { status: "voided" }
  const moved = [...known.events].reverse().find((e) => e.status !== "pre_transit")
  if (moved) {
    return { status: "refused", message: `The offline carrier cannot void label ${label.carrier_label_id}: the parcel is already ${moved.status.replace(/_/g, " ")}.` }
  }
  const hours = (at.getTime() - known.purchased_at.getTime()) / 3_600_000
  if (hours > settings.void_window_hours) {
    return {
      status: "refused",
      message: `The offline carrier voids labels within ${settings.void_window_hours} hours of purchase; label ${label.carrier_label_id} was bought ${Math.floor(hours)} hours ago.`,
    }
  }
  known.voided = true
  return { status: "voided" }
}

function trackingOf(purchase: OfflinePurchase): TrackingUpdate {
  const events = [...purchase.events]
  return {
    carrier: "offline",
    tracking_number: purchase.label.parcels[0]?.tracking_number ?? "",
    status: events[events.length - 1]?.status ?? "unknown",
    events,
  }
}

/** The purchases of an account this process remembers (tests count buy requests with it). */
export function offlinePurchases(config: CarrierAccountConfig): OfflinePurchase[] {
  return [...purchaseBook(parseOfflineSettings(config.settings).account_id).values()]
}

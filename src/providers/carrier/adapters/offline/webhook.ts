import { createHash, createHmac, timingSafeEqual } from "crypto"
import type {
  CarrierAccountConfig, PurchasedLabel, TrackingEvent, TrackingStatus, TrackingUpdate, VerifiedWebhook, WebhookDelivery,
} from "../../../../lib/shipping/contract"
import { CarrierError } from "../../../../lib/shipping/errors"
import { purchaseBook, purchaseOf, type OfflinePurchase } from "./purchase-book"
import { parseOfflineSettings } from "./settings"

/**
 * The offline carrier's tracking webhooks. Each delivery is signed like the real carriers sign
 * theirs: HMAC-SHA256 (hex) with the account's `webhook_secret`, over "<timestamp>.<raw body>"
 * so neither the body nor the time can be changed, the timestamp in its own header. A receiver
 * refuses a delivery signed more than five minutes from when it arrived, and dedupes by `id`.
 */
export const OFFLINE_SIGNATURE_HEADER = "x-offline-signature"
export const OFFLINE_TIMESTAMP_HEADER = "x-offline-timestamp"
export const OFFLINE_WEBHOOK_TOLERANCE_S = 300
export const OFFLINE_WEBHOOK_PATH = "/hooks/oms/carriers/offline"

export const playbackStatuses = ["in_transit", "out_for_delivery", "delivered"] as const
export type PlaybackStatus = (typeof playbackStatuses)[number]

/** The JSON body of a delivery. */
export type OfflineWebhookBody = {
  id: string
  type: "tracking.updated"
  created_at: string
  carrier_label_id: string
  reference: string | null
  status: TrackingStatus
  parcels: { tracking_number: string; status: TrackingStatus; events: TrackingEvent[] }[]
}

export function signOfflineWebhook(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")
}

/**
 * Plays one tracking event for a label: the parcel moves (track() and void() see it from now
 * on) and the signed delivery the carrier would send is returned, ready to be posted to the
 * webhook route. The event id is derived from the label and the status, so playing the same
 * status twice sends the same id (a duplicate), unless `event_id` says otherwise.
 */
export function playOfflineTracking(
  config: CarrierAccountConfig,
  label: PurchasedLabel,
  status: PlaybackStatus,
  options: { at?: Date; event_id?: string } = {}
): WebhookDelivery {
  const secret = config.secrets?.webhook_secret
  if (!secret) throw CarrierError.of("offline", "invalid_request", "The offline carrier account has no webhook_secret, so it cannot sign tracking events.")
  const settings = parseOfflineSettings(config.settings)
  const at = options.at ?? new Date()
  const purchase = purchaseOf(settings.account_id, label) ?? rememberFromLabel(settings.account_id, label)
  if (purchase.voided) throw CarrierError.of("offline", "conflict", `Label ${label.carrier_label_id} was voided; its parcel does not move.`)

  const event = playbackEvent(status, purchase, at)
  const last = purchase.events[purchase.events.length - 1]
  if (last?.status !== status) purchase.events.push(event)

  const body: OfflineWebhookBody = {
    id: options.event_id ?? eventId(label.carrier_label_id, status),
    type: "tracking.updated",
    created_at: at.toISOString(),
    carrier_label_id: label.carrier_label_id,
    reference: purchase.reference,
    status,
    parcels: label.parcels.map((p) => ({ tracking_number: p.tracking_number, status, events: [...purchase.events] })),
  }
  const raw = Buffer.from(JSON.stringify(body))
  const timestamp = Math.floor(at.getTime() / 1000)
  return {
    headers: {
      "content-type": "application/json",
      [OFFLINE_TIMESTAMP_HEADER]: String(timestamp),
      [OFFLINE_SIGNATURE_HEADER]: signOfflineWebhook(secret, timestamp, raw),
    },
    raw_body: raw,
    url: OFFLINE_WEBHOOK_PATH,
    received_at: at,
  }
}

/** Checks signature (timing-safe) and age, then reads the tracking updates the delivery carries. */
export function verifyOfflineWebhook(delivery: WebhookDelivery, secrets: Record<string, string>): VerifiedWebhook {
  const secret = secrets?.webhook_secret
  if (!secret) return { ok: false, reason: "The offline carrier account has no webhook_secret to check signatures with." }
  const signature = header(delivery, OFFLINE_SIGNATURE_HEADER)
  const stamp = header(delivery, OFFLINE_TIMESTAMP_HEADER)
  if (!signature) return { ok: false, reason: `The delivery has no ${OFFLINE_SIGNATURE_HEADER} header.` }
  if (!stamp || !/^\d+$/.test(stamp)) return { ok: false, reason: `The delivery has no ${OFFLINE_TIMESTAMP_HEADER} header in Unix seconds.` }

  const expected = Buffer.from(signOfflineWebhook(secret, Number(stamp), delivery.raw_body), "hex")
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "The signature does not match the body: the delivery was not signed with this account's webhook secret, or was altered." }
  }
  const age = delivery.received_at.getTime() / 1000 - Number(stamp)
  if (Math.abs(age) > OFFLINE_WEBHOOK_TOLERANCE_S) {
    return { ok: false, reason: `The delivery was signed ${Math.round(Math.abs(age))} s ${age >= 0 ? "before" : "after"} it arrived; more than ${OFFLINE_WEBHOOK_TOLERANCE_S} s apart is refused as a replay.` }
  }

  let body: OfflineWebhookBody
  try {
    body = JSON.parse(delivery.raw_body.toString("utf8"))
  } catch {
    return { ok: false, reason: "The delivery body is not JSON." }
  }
  if (typeof body?.id !== "string" || !Array.isArray(body.parcels)) return { ok: false, reason: "The delivery body has no event id or parcels." }
  const updates: TrackingUpdate[] =
    body.type === "tracking.updated"
      ? body.parcels.map((p) => ({ carrier: "offline", tracking_number: p.tracking_number, status: p.status, events: p.events }))
      : []
  return { ok: true, event_key: body.id, updates }
}

export function eventId(carrierLabelId: string, status: TrackingStatus): string {
  return `offl_evt_${createHash("sha256").update(`${carrierLabelId}:${status}`).digest("hex").slice(0, 24)}`
}

function header(delivery: WebhookDelivery, name: string): string | null {
  for (const [key, value] of Object.entries(delivery.headers)) {
    if (key.toLowerCase() === name) return (Array.isArray(value) ? value[0] : value) ?? null
  }
  return null
}

function playbackEvent(status: PlaybackStatus, purchase: OfflinePurchase, at: Date): TrackingEvent {
  const from = stringData(purchase.label, "from_city")
  const to = stringData(purchase.label, "to_city")
  switch (status) {
    case "in_transit":
      return { status, occurred_at: at.toISOString(), description: "Picked up by the offline carrier", location: from }
    case "out_for_delivery":
      return { status, occurred_at: at.toISOString(), description: "Out for delivery", location: to }
    case "delivered":
      return { status, occurred_at: at.toISOString(), description: "Delivered", location: to }
  }
}

/** The first tracking event of every label. */
export function createdEvent(label: PurchasedLabel, at: Date): TrackingEvent {
  return { status: "pre_transit", occurred_at: at.toISOString(), description: "Label created; waiting for pick-up", location: stringData(label, "from_city") }
}

/** A purchase rebuilt from the label itself when this process has no record of it. */
export function rememberFromLabel(accountId: string, label: PurchasedLabel): OfflinePurchase {
  const purchasedAt = new Date(stringData(label, "purchased_at") ?? 0)
  const reference = stringData(label, "reference") ?? label.carrier_label_id
  const purchase: OfflinePurchase = {
    reference,
    label,
    shipment: null,
    is_return: label.carrier_data?.is_return === true,
    purchased_at: purchasedAt,
    events: [createdEvent(label, purchasedAt)],
    voided: false,
    buy_requests: 1,
  }
  purchaseBook(accountId).set(reference, purchase)
  return purchase
}

function stringData(label: PurchasedLabel, key: string): string | null {
  const value = label.carrier_data?.[key]
  return typeof value === "string" ? value : null
}

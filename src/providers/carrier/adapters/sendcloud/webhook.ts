import crypto from "node:crypto"
import type { VerifiedWebhook, WebhookDelivery } from "../../../../lib/shipping/contract"
import { toTrackingStatus } from "./mapping"

/**
 * Sendcloud signs each webhook with `Sendcloud-Signature`: the hex HMAC-SHA256 of the raw body,
 * keyed by the integration's secret key (or its webhook signature key). There is no signed
 * timestamp, so a replay is stopped by the event key (parcel, status and the body's timestamp)
 * and by refusing bodies whose timestamp is older than Sendcloud's retry schedule allows
 * (10 retries, 5 minutes to 1 hour apart: well under a day).
 */
export const MAX_AGE_MS = 24 * 60 * 60 * 1000

type ParcelStatusChanged = {
  action?: string
  timestamp?: number
  parcel?: { id?: number; tracking_number?: string; status?: { id?: number; message?: string } }
}

export function verifySendcloudWebhook(delivery: WebhookDelivery, secret: string | undefined, now: Date = delivery.received_at): VerifiedWebhook {
  if (!secret) return { ok: false, reason: "the Sendcloud account has no webhook secret configured" }
  const given = header(delivery, "sendcloud-signature")
  if (!given) return { ok: false, reason: "the Sendcloud-Signature header is missing" }
  const expected = crypto.createHmac("sha256", secret).update(delivery.raw_body).digest()
  const received = /^[0-9a-f]{64}$/i.test(given.trim()) ? Buffer.from(given.trim(), "hex") : Buffer.alloc(0)
  if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) {
    return { ok: false, reason: "the Sendcloud signature does not match the body" }
  }

  let body: ParcelStatusChanged
  try {
    body = JSON.parse(delivery.raw_body.toString("utf8"))
  } catch {
    return { ok: false, reason: "the Sendcloud webhook body is not JSON" }
  }
  const stamp = typeof body.timestamp === "number" ? (body.timestamp < 1e11 ? body.timestamp * 1000 : body.timestamp) : null
  if (stamp !== null && now.getTime() - stamp > MAX_AGE_MS) {
    return { ok: false, reason: "the Sendcloud webhook is older than a day (replayed)" }
  }
  const parcel = body.parcel
  if (body.action !== "parcel_status_changed" || !parcel?.tracking_number) {
    const key = crypto.createHash("sha256").update(delivery.raw_body).digest("hex")
    return { ok: true, event_key: `sendcloud:body:${key}`, updates: [] }
  }
  const status = toTrackingStatus(parcel.status?.message, parcel.status?.id)
  const at = new Date(stamp ?? now.getTime()).toISOString()
  return {
    ok: true,
    // No event id in Sendcloud's payload: the parcel, its status and the change's time are one event.
    event_key: `sendcloud:${parcel.id}:${parcel.status?.id ?? "?"}:${body.timestamp ?? ""}`,
    updates: [
      {
        carrier: "sendcloud",
        tracking_number: parcel.tracking_number,
        status,
        events: [{ status, occurred_at: at, description: parcel.status?.message ?? "status changed", location: null }],
      },
    ],
  }
}

function header(delivery: WebhookDelivery, name: string): string | null {
  for (const [k, v] of Object.entries(delivery.headers)) {
    if (k.toLowerCase() === name) return (Array.isArray(v) ? v[0] : v) ?? null
  }
  return null
}

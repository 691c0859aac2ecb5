import { createHash, createHmac, timingSafeEqual } from "node:crypto"
import type { TrackingUpdate, VerifiedWebhook, WebhookDelivery } from "../../../../lib/shipping/contract"
import { headerValue } from "../../http/webhook-header"
import { toTrackingUpdate } from "./mapping"
import type { EasyPostEvent, EasyPostTracker } from "./types"

/**
 * EasyPost signs each Event with the webhook's `webhook_secret`: header
 * `X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256 of the raw body>`, the key being the
 * secret NFKD-normalised and UTF-8 encoded (as EasyPost's own client libraries compute it).
 * There is no timestamp, so replays are stopped by the dedupe on the event id (`evt_…`).
 */
export function verifyEasyPostWebhook(delivery: WebhookDelivery, secrets: Record<string, string>): VerifiedWebhook {
  const secret = secrets.webhook_secret
  if (!secret) return { ok: false, reason: "no EasyPost webhook secret is configured for this account" }
  const header = headerValue(delivery.headers, "x-hmac-signature")
  if (!header) return { ok: false, reason: "the X-Hmac-Signature header is missing" }

  const key = Buffer.from(secret.normalize("NFKD"), "utf8")
  const expected = Buffer.from(`hmac-sha256-hex=${createHmac("sha256", key).update(delivery.raw_body).digest("hex")}`)
  const given = Buffer.from(header.trim())
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "the X-Hmac-Signature does not match the body" }
  }

  let event: EasyPostEvent
  try {
    event = JSON.parse(delivery.raw_body.toString("utf8"))
  } catch {
    return { ok: false, reason: "the body is not JSON" }
  }
  const event_key = typeof event.id === "string" && event.id ? event.id : `sha256:${createHash("sha256").update(delivery.raw_body).digest("hex")}`
  return { ok: true, event_key, updates: trackingUpdates(event) }
}

function trackingUpdates(event: EasyPostEvent): TrackingUpdate[] {
  if (!event.description?.startsWith("tracker.")) return []
  const tracker = event.result as EasyPostTracker | undefined
  if (!tracker || typeof tracker.tracking_code !== "string") return []
  return [toTrackingUpdate(tracker)]
}

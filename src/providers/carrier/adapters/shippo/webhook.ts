import { createHash, createHmac, timingSafeEqual } from "node:crypto"
import type { VerifiedWebhook, WebhookDelivery } from "../../../../lib/shipping/contract"
import { headerValue } from "../../http/webhook-header"
import { toTrackingUpdate } from "./mapping"
import type { ShippoTrack, ShippoTransaction, ShippoWebhookBody } from "./types"

/** How far a signed timestamp may be from our clock before the delivery counts as a replay. */
export const SHIPPO_SIGNATURE_TOLERANCE_S = 300

/**
 * Shippo's documented ways to authenticate a webhook: a self-generated token in the URL
 * (`?token=…`, secret `webhook_token`) and, once Shippo support has provisioned it, HMAC
 * (secret `webhook_hmac_secret`). Shippo's page does not print the HMAC format; we verify the
 * form independent integrations agree on: `Shippo-Auth-Signature: t=<unix>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">`, refusing a t more than five minutes off. With both secrets
 * configured both must pass. (The IP allowlist Shippo also offers belongs to the proxy.)
 */
export function verifyShippoWebhook(delivery: WebhookDelivery, secrets: Record<string, string>): VerifiedWebhook {
  const token = secrets.webhook_token
  const hmacSecret = secrets.webhook_hmac_secret
  if (!token && !hmacSecret) return { ok: false, reason: "no Shippo webhook token or HMAC secret is configured for this account" }

  if (token) {
    const given = new URL(delivery.url, "http://webhook").searchParams.get("token")
    if (!given) return { ok: false, reason: "the webhook URL carries no token" }
    if (!sameText(given, token)) return { ok: false, reason: "the webhook URL token does not match" }
  }
  if (hmacSecret) {
    const refusal = checkSignature(delivery, hmacSecret)
    if (refusal) return { ok: false, reason: refusal }
  }

  let body: ShippoWebhookBody
  try {
    body = JSON.parse(delivery.raw_body.toString("utf8"))
  } catch {
    return { ok: false, reason: "the body is not JSON" }
  }
  return { ok: true, ...eventOf(body, delivery.raw_body) }
}

function checkSignature(delivery: WebhookDelivery, secret: string): string | null {
  const header = headerValue(delivery.headers, "shippo-auth-signature")
  if (!header) return "the Shippo-Auth-Signature header is missing"
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=")
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as [string, string]
    })
  )
  const t = parts.get("t")
  const v1 = parts.get("v1")
  if (!t || !/^\d+$/.test(t) || !v1) return "the Shippo-Auth-Signature header is malformed"
  const age = Math.abs(delivery.received_at.getTime() / 1000 - Number(t))
  if (age > SHIPPO_SIGNATURE_TOLERANCE_S) return `the signature's timestamp is ${Math.round(age)} s away from now (stale or replayed)`
  const expected = createHmac("sha256", secret).update(`${t}.`).update(delivery.raw_body).digest("hex")
  return sameText(v1.toLowerCase(), expected) ? null : "the Shippo-Auth-Signature does not match the body"
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Shippo events carry no event id. A track_updated is keyed by the tracking status object it
 * reports (one object per status change), a transaction event by the transaction's state.
 */
function eventOf(body: ShippoWebhookBody, raw: Buffer) {
  if (body.event === "track_updated" && body.data && typeof body.data === "object") {
    const track = body.data as ShippoTrack
    const s = track.tracking_status
    const which = s?.object_id ?? `${s?.status ?? "UNKNOWN"}@${s?.status_date ?? ""}`
    return { event_key: `track:${track.tracking_number}:${which}`, updates: [toTrackingUpdate(track)] }
  }
  if (body.event?.startsWith("transaction_") && body.data && typeof body.data === "object") {
    const tx = body.data as ShippoTransaction
    return { event_key: `${body.event}:${tx.object_id}:${tx.status}:${tx.object_updated ?? ""}`, updates: [] }
  }
  return { event_key: `${body.event ?? "event"}:sha256:${createHash("sha256").update(raw).digest("hex")}`, updates: [] }
}

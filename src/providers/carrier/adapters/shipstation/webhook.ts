import crypto, { KeyObject } from "node:crypto"
import type { VerifiedWebhook, WebhookDelivery } from "../../../../lib/shipping/contract"
import { createCarrierHttp } from "../../http"
import { toTrackingUpdate } from "./mapping"
import type { SsTracking } from "./wire"

/**
 * ShipStation signs every webhook with RSA-SHA256 (docs.shipstation.com "Webhook Validation"):
 * headers x-shipengine-rsa-sha256-key-id, x-shipengine-rsa-sha256-signature (base64) and
 * x-shipengine-timestamp; the signed bytes are `<timestamp>.<raw body>` and the public key is the
 * JWKS entry with that key id. Timestamps more than 5 minutes from our clock (either way: their
 * clocks may run ahead) are refused, so a captured delivery cannot be replayed later.
 */
export const DEFAULT_JWKS_URL = "https://api.shipengine.com/jwks"
export const MAX_SKEW_MS = 5 * 60 * 1000
/** An unknown key id refetches the key set at most this often, so forged ids cannot hammer it. */
const REFETCH_AFTER_MS = 60 * 1000

type KeySet = { keys: Map<string, KeyObject>; fetched_at: number }
const keySets = new Map<string, KeySet>()

export async function verifyShipstationWebhook(
  delivery: WebhookDelivery,
  jwksUrl: string,
  now: Date = delivery.received_at
): Promise<VerifiedWebhook> {
  const kid = header(delivery, "x-shipengine-rsa-sha256-key-id")
  const signature = header(delivery, "x-shipengine-rsa-sha256-signature")
  const timestamp = header(delivery, "x-shipengine-timestamp")
  if (!kid || !signature || !timestamp) return { ok: false, reason: "the ShipStation signature headers are missing" }

  const signedAt = parseTimestamp(timestamp)
  if (signedAt === null) return { ok: false, reason: "the ShipStation timestamp is not a date" }
  if (Math.abs(now.getTime() - signedAt) > MAX_SKEW_MS) {
    return { ok: false, reason: "the ShipStation timestamp is more than 5 minutes from our clock (stale or replayed)" }
  }

  const key = await publicKey(jwksUrl, kid)
  if (!key) return { ok: false, reason: `ShipStation publishes no key with id "${kid}"` }

  const signed = Buffer.concat([Buffer.from(`${timestamp}.`, "utf8"), delivery.raw_body])
  let valid = false
  try {
    valid = crypto.verify("sha256", signed, key, Buffer.from(signature, "base64"))
  } catch {
    valid = false
  }
  if (!valid) return { ok: false, reason: "the ShipStation signature does not match the body" }

  return readEvent(delivery.raw_body)
}

function readEvent(raw: Buffer): VerifiedWebhook {
  let body: { resource_type?: string; data?: SsTracking } | null = null
  try {
    body = JSON.parse(raw.toString("utf8"))
  } catch {
    return { ok: false, reason: "the ShipStation webhook body is not JSON" }
  }
  const data = body?.data
  const isTracking = String(body?.resource_type ?? "").toUpperCase().includes("TRACK") && data?.tracking_number
  if (!isTracking || !data) {
    // Events we do not use still get a stable key (the body has no event id).
    return { ok: true, event_key: `shipstation:body:${sha256(raw)}`, updates: [] }
  }
  const update = toTrackingUpdate({ ...data, events: data.events ?? [] })
  const last = update.events[update.events.length - 1]
  return {
    ok: true,
    event_key: `shipstation:${update.tracking_number}:${data.status_code}:${last?.occurred_at ?? ""}`,
    updates: [update],
  }
}

async function publicKey(jwksUrl: string, kid: string): Promise<KeyObject | null> {
  const cached = keySets.get(jwksUrl)
  const hit = cached?.keys.get(kid)
  if (hit) return hit
  if (cached && Date.now() - cached.fetched_at < REFETCH_AFTER_MS) return null
  const fresh = await fetchKeySet(jwksUrl)
  keySets.set(jwksUrl, fresh)
  return fresh.keys.get(kid) ?? null
}

async function fetchKeySet(jwksUrl: string): Promise<KeySet> {
  // No credentials go to the key server: it is public and may be another host.
  const http = createCarrierHttp({ carrier: "shipstation", base_url: jwksUrl, timeout_ms: 5000, retries: 2 })
  const res = await http.request<{ keys?: (crypto.JsonWebKey & { kid?: string })[] }>({ method: "GET", path: "" })
  const keys = new Map<string, KeyObject>()
  for (const jwk of res.data?.keys ?? []) {
    if (!jwk.kid || jwk.kty !== "RSA") continue
    try {
      keys.set(jwk.kid, crypto.createPublicKey({ key: jwk, format: "jwk" }))
    } catch {
      // A malformed entry is skipped; the others still verify.
    }
  }
  return { keys, fetched_at: Date.now() }
}

function parseTimestamp(value: string): number | null {
  if (/^\d+$/.test(value)) {
    const n = Number(value)
    return n < 1e11 ? n * 1000 : n
  }
  const t = Date.parse(value)
  return Number.isFinite(t) ? t : null
}

function header(delivery: WebhookDelivery, name: string): string | null {
  for (const [k, v] of Object.entries(delivery.headers)) {
    if (k.toLowerCase() === name) return (Array.isArray(v) ? v[0] : v) ?? null
  }
  return null
}

function sha256(raw: Buffer): string {
  return crypto.createHash("sha256").update(raw).digest("hex")
}

import type { WebhookDelivery } from "../../../lib/shipping/contract"

/** One header of a webhook delivery, whatever its case; two values of a signature header are refused, not guessed. */
export function headerValue(headers: WebhookDelivery["headers"], name: string): string | null {
  const wanted = name.toLowerCase()
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== wanted) continue
    if (Array.isArray(v)) return v.length === 1 ? v[0] : null
    return v ?? null
  }
  return null
}

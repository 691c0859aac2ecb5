import type { ShippoMessage } from "./types"

/**
 * Shippo answers errors Django-REST style: {"detail": "..."} for auth and not-found, and a
 * field-keyed object for invalid input ({"address_to": {"zip": ["This field is required."]}}).
 * Turned into "address_to.zip: This field is required", the sentence after "Shippo refused the
 * request (400): ".
 */
export function describeShippoError(_status: number, data: unknown): string | null {
  if (typeof data === "string") return data.trim().slice(0, 300) || null
  if (!data || typeof data !== "object") return null
  const detail = (data as { detail?: unknown }).detail
  if (typeof detail === "string") return detail.replace(/\.$/, "")
  const messages = (data as { messages?: unknown }).messages
  if (Array.isArray(messages)) return describeMessages(messages as ShippoMessage[])
  const lines = flatten(data, "")
  return lines.length ? lines.slice(0, 5).join("; ") : null
}

function flatten(value: unknown, path: string): string[] {
  if (typeof value === "string") return [path && !generic(path) ? `${path}: ${value.replace(/\.$/, "")}` : value.replace(/\.$/, "")]
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => (typeof v === "string" ? flatten(v, path) : flatten(v, `${path}[${i}]`)))
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k))
  }
  return []
}

const generic = (path: string) => path === "non_field_errors" || path === "__all__"

/** A transaction's `messages` ({source, code, text}), as one sentence. */
export function describeMessages(messages: ShippoMessage[] | undefined): string | null {
  const texts = (messages ?? []).map((m) => `${m.source ? `${m.source}: ` : ""}${(m.text ?? m.code ?? "").replace(/\.$/, "")}`).filter((t) => t.trim())
  return texts.length ? texts.join("; ") : null
}

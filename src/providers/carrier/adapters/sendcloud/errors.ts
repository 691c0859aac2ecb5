import type { ScErrorObject } from "./wire"

/**
 * Sendcloud v3 errors are JSON:API error objects, `{errors: [{status, code, detail,
 * source: {pointer}}]}`; the pointer names the field ("/to_address/name"), which is what a
 * person needs to fix. A 429 comes with an empty body (the client's own sentence covers it).
 */
export function describeSendcloudError(status: number, data: unknown): string | null {
  const errors = (data as { errors?: ScErrorObject[] } | null)?.errors
  if (Array.isArray(errors) && errors.length) {
    return errors
      .map((e) => {
        const field = e.source?.pointer?.replace(/^\/+/, "").replace(/\//g, ".") || e.source?.parameter
        const text = (e.detail || e.title || e.code || "unknown error").replace(/\.$/, "")
        return field ? `${field}: ${text}` : text
      })
      .join("; ")
  }
  if (status === 409) return "a shipment with this external_reference_id already exists"
  const detail = (data as { detail?: unknown } | null)?.detail
  return typeof detail === "string" ? detail : null
}

import type { SsErrorBody } from "./wire"

/**
 * What a person should do about ShipStation's error codes, where its own message does not say.
 * Codes from docs.shipstation.com "Error Codes".
 */
const hints: Record<string, string> = {
  insufficient_funds: "add funds to the ShipStation carrier balance",
  carrier_not_connected: "connect the carrier in ShipStation, or remove its carrier_id from the account settings",
  carrier_disconnected: "reconnect the carrier in ShipStation",
  invalid_address: "correct the address",
  identifier_conflict: "a label with this reference already exists at ShipStation",
  no_rates_returned: "the carrier returned no rates for this parcel; check weight, dimensions and destination",
  return_label_not_supported: "this carrier or service cannot make return labels (ShipStation supports domestic returns only)",
}

/**
 * `{request_id, errors: [{error_source, error_type, error_code, message}]}` into one sentence,
 * with the request id ShipStation support asks for. Never echoes request headers.
 */
export function describeShipstationError(_status: number, data: unknown): string | null {
  const body = (data ?? {}) as SsErrorBody
  const errors = Array.isArray(body.errors) ? body.errors : []
  if (!errors.length) return null
  const parts = errors.map((e) => {
    const source = e.error_source === "carrier" ? "the carrier says: " : ""
    const message = (e.message ?? e.error_code ?? "unknown error").replace(/\.$/, "")
    const hint = e.error_code && hints[e.error_code]
    return `${source}${message}${hint ? ` (${hint})` : ""}`
  })
  const id = typeof body.request_id === "string" ? ` [ShipStation request ${body.request_id}]` : ""
  return `${parts.join("; ")}${id}`
}

/** The first error code of a ShipStation error body, for decisions (not for messages). */
export function ssErrorCode(data: unknown): string | null {
  const errors = (data as SsErrorBody | null)?.errors
  return Array.isArray(errors) && errors[0]?.error_code ? errors[0].error_code : null
}

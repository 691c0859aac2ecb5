/**
 * EasyPost's error body: {"error": {"code", "message", "errors": [{field, message} | "text"]}}.
 * Turned into the sentence after "EasyPost refused the request (422): ", naming the fields.
 */
export function describeEasyPostError(status: number, data: unknown): string | null {
  const error = (data as { error?: unknown } | null)?.error
  if (!error || typeof error !== "object") return typeof error === "string" ? error : null
  const { message, errors, code } = error as { message?: unknown; errors?: unknown; code?: unknown }
  const details = (Array.isArray(errors) ? errors : []).map(detail).filter(Boolean)
  const head = typeof message === "string" && message ? message.replace(/\.$/, "") : null
  const hint = (typeof code === "string" ? hints[code] : undefined) ?? (status === 402 ? PAYMENT_HINT : undefined)
  const parts = [head, details.length ? details.join("; ") : null].filter(Boolean).join(": ")
  return [parts || null, hint ?? null].filter(Boolean).join(". ") || null
}

function detail(e: unknown): string | null {
  if (typeof e === "string") return e
  if (!e || typeof e !== "object") return null
  const { field, message, suggestion } = e as Record<string, unknown>
  if (typeof field === "string" && typeof message === "string") {
    return `${field} ${message}${typeof suggestion === "string" && suggestion ? ` (try ${suggestion})` : ""}`
  }
  // The older shape, seen in EasyPost answers: [{"to_address": "Invalid format."}].
  const pairs = Object.entries(e as Record<string, unknown>).filter(([, v]) => typeof v === "string")
  return pairs.length ? pairs.map(([k, v]) => `${k}: ${v}`).join(", ") : null
}

/** What a person does next for the codes whose message alone does not say it. */
const hints: Record<string, string> = {
  "SHIPMENT.POSTAGE.EXISTS": "The label was already bought; look it up instead of buying again",
}

/** EasyPost answers 402 when the account cannot pay for postage. */
const PAYMENT_HINT = "Add funds or a payment method to the EasyPost account, then buy again"

import { carrierCodes, carrierNames, type CarrierCode, type TrackingStatus } from "../../../lib/shipping/contract"
import type { LabelView } from "../../../types/shipping"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"
type Display = { label: string; color: BadgeColor }

const readable = (status: string): Display => {
  const words = status.replace(/_/g, " ")
  return { label: words.charAt(0).toUpperCase() + words.slice(1), color: "grey" }
}

export const CARRIER_OPTIONS = carrierCodes.map((code) => ({ value: code, label: carrierNames[code] }))

export const carrierName = (code: string): string => carrierNames[code as CarrierCode] ?? code

const LABEL_STATUS_DISPLAY: Record<LabelView["status"], Display> = {
  pending: { label: "Buying", color: "orange" },
  purchased: { label: "Purchased", color: "green" },
  failed: { label: "Failed", color: "red" },
  unknown: { label: "Being looked up", color: "orange" },
  void_pending: { label: "Void requested", color: "orange" },
  voided: { label: "Voided", color: "grey" },
}

export const labelStatusDisplay = (status: string): Display =>
  LABEL_STATUS_DISPLAY[status as LabelView["status"]] ?? readable(status)

const TRACKING_STATUS_DISPLAY: Record<TrackingStatus, Display> = {
  pre_transit: { label: "Label created", color: "blue" },
  in_transit: { label: "In transit", color: "orange" },
  out_for_delivery: { label: "Out for delivery", color: "purple" },
  delivered: { label: "Delivered", color: "green" },
  failure: { label: "Delivery failed", color: "red" },
  returned: { label: "Returned", color: "grey" },
  unknown: { label: "Unknown", color: "grey" },
}

export const trackingStatusDisplay = (status: string | null): Display =>
  status === null ? { label: "No scans yet", color: "grey" } : TRACKING_STATUS_DISPLAY[status as TrackingStatus] ?? readable(status)

/**
 * The offline carrier's next step after `status`: what the play button sends. Null once the
 * parcel is delivered (or the journey ended another way).
 */
export const nextPlayStep = (status: string | null): "in_transit" | "out_for_delivery" | "delivered" | null => {
  if (status === null || status === "pre_transit" || status === "unknown") return "in_transit"
  if (status === "in_transit") return "out_for_delivery"
  if (status === "out_for_delivery") return "delivered"
  return null
}

/** "EUR 3.90"; "-" when there is no amount. */
export const formatMoney = (amount: number | null | undefined, currency: string | null | undefined): string =>
  amount === null || amount === undefined ? "-" : `${(currency ?? "").toUpperCase()} ${Number(amount).toFixed(2)}`.trim()

export const LABEL_SIZES = [
  { value: "4x6", label: "4x6 in label" },
  { value: "a4", label: "A4 sheet" },
  { value: "letter", label: "Letter sheet" },
] as const

/**
 * The secrets each carrier's adapter reads (names as stored). Write-only: the admin shows only
 * whether each is set.
 */
export const SECRET_FIELDS: Record<CarrierCode, { name: string; label: string }[]> = {
  offline: [],
  easypost: [{ name: "api_key", label: "API key" }],
  shippo: [{ name: "api_token", label: "API token" }],
  shipstation: [{ name: "api_key", label: "API key" }],
  sendcloud: [
    { name: "public_key", label: "Public key" },
    { name: "secret_key", label: "Secret key" },
  ],
}

/** The offline carrier's own services (its default price list), offered when adding one. */
export const OFFLINE_SERVICES = [
  { code: "offline_economy", name: "Offline Economy" },
  { code: "offline_standard", name: "Offline Standard" },
  { code: "offline_express", name: "Offline Express" },
]

/** "offline_economy: Offline Economy", one service a line. */
export const servicesText = (services: { code: string; name: string }[]): string =>
  services.map((s) => `${s.code}: ${s.name}`).join("\n")

/** Lines of "code: name" (a line without a name uses the code); sent as typed, the server checks them. */
export const parseServices = (text: string): { code: string; name: string }[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(":")
      if (at < 0) return { code: line, name: line }
      const code = line.slice(0, at).trim()
      return { code, name: line.slice(at + 1).trim() || code }
    })

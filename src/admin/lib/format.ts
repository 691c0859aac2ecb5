import type { Timestamp } from "../../types/common"
import type { FulfillmentStatus } from "../../types/foundation"
import type { LocationAddress, LocationProfile, RoutingStatus } from "../../types/routing"

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** Medusa's fulfillment statuses in the order an order passes through them. */
export const FULFILLMENT_STATUSES: FulfillmentStatus[] = [
  "not_fulfilled",
  "partially_fulfilled",
  "fulfilled",
  "partially_shipped",
  "shipped",
  "partially_delivered",
  "delivered",
  "canceled",
]

const STATUS_DISPLAY: Record<FulfillmentStatus, { label: string; color: BadgeColor }> = {
  not_fulfilled: { label: "Not fulfilled", color: "red" },
  partially_fulfilled: { label: "Partially fulfilled", color: "orange" },
  fulfilled: { label: "Fulfilled", color: "green" },
  partially_shipped: { label: "Partially shipped", color: "orange" },
  shipped: { label: "Shipped", color: "green" },
  partially_delivered: { label: "Partially delivered", color: "orange" },
  delivered: { label: "Delivered", color: "green" },
  canceled: { label: "Canceled", color: "grey" },
}

/** How a fulfillment status is shown; unknown statuses get a readable label in grey. */
export const fulfillmentStatusDisplay = (status: string): { label: string; color: BadgeColor } => {
  const known = STATUS_DISPLAY[status as FulfillmentStatus]
  if (known) return known
  const words = status.replace(/_/g, " ")
  return { label: words.charAt(0).toUpperCase() + words.slice(1), color: "grey" }
}

/** The statuses present in a count, Medusa's order first, then any the admin does not know yet. */
export const orderedStatuses = (byStatus: Record<string, number>): string[] => {
  const present = Object.keys(byStatus)
  const known = FULFILLMENT_STATUSES.filter((status) => present.includes(status))
  const unknown = present.filter((status) => !FULFILLMENT_STATUSES.includes(status as FulfillmentStatus)).sort()
  return [...known, ...unknown]
}

export const formatCount = (value: number): string => value.toLocaleString()

/** "1 unit", "12 units". */
export const formatUnits = (units: number): string => `${formatCount(units)} ${units === 1 ? "unit" : "units"}`

/** "Amsterdam, NL"; "-" when the location has no address. */
export const formatPlace = (address: LocationAddress | null): string => {
  const parts = [address?.city, address?.country_code?.toUpperCase()].filter(Boolean)
  return parts.length ? parts.join(", ") : "-"
}

export const formatMarkets = (markets: string[]): string =>
  markets.length ? markets.map((code) => code.toUpperCase()).join(", ") : "All markets"

export const formatCapacity = (capacity: number | null): string =>
  capacity === null ? "No limit" : `${formatCount(capacity)} / day`

/** "52.3676, 4.9041"; "-" when the location has no coordinates. */
export const formatCoordinates = (profile: Pick<LocationProfile, "latitude" | "longitude">): string =>
  profile.latitude === null || profile.longitude === null
    ? "-"
    : `${Number(profile.latitude.toFixed(4))}, ${Number(profile.longitude.toFixed(4))}`

/** The message a person should read for a failed request (the server's `message` when it sent one). */
export const errorMessage = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : "Something went wrong. Try again."

const ROUTING_STATUS_DISPLAY: Record<RoutingStatus, { label: string; color: BadgeColor }> = {
  routed: { label: "Routed", color: "green" },
  partially_routed: { label: "Partially routed", color: "orange" },
  held: { label: "Held", color: "red" },
  backordered: { label: "Backordered", color: "orange" },
  canceled: { label: "Canceled", color: "grey" },
}

/** How a routing status is shown; unknown statuses get a readable label in grey. */
export const routingStatusDisplay = (status: string): { label: string; color: BadgeColor } =>
  ROUTING_STATUS_DISPLAY[status as RoutingStatus] ?? fulfillmentStatusDisplay(status)

/** "412 km", "< 1 km"; null when the distance is unknown. */
export const formatDistance = (km: number | null | undefined): string | null => {
  if (km === null || km === undefined || !Number.isFinite(km)) return null
  const rounded = Math.round(km)
  return rounded < 1 ? "< 1 km" : `${formatCount(rounded)} km`
}

/** A timestamp in the browser's time zone, e.g. "Nov 22, 2026, 9:14 AM"; the raw value if it does not parse. */
export const formatDateTime = (at: Timestamp): string => {
  const date = new Date(at)
  return Number.isNaN(date.getTime()) ? String(at) : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
}

/** A timestamp as the API sent it: its ISO string (a Date only on the server). */
export const isoString = (at: Timestamp): string => (typeof at === "string" ? at : at.toISOString())

/** "re-routed" -> "Re-routed". */
export const sentenceCase = (words: string): string => {
  const spaced = words.replace(/_/g, " ")
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

/** 0.25 -> "25%", 0.125 -> "12.5%". */
export const formatPercent = (ratio: number): string => `${Number((ratio * 100).toFixed(1))}%`

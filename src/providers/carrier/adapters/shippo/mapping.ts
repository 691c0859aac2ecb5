import type { Rate, TrackingEvent, TrackingStatus, TrackingUpdate } from "../../../../lib/shipping/contract"
import type { ShippoRate, ShippoTrack, ShippoTrackingStatus } from "./types"

export function toRate(rate: ShippoRate, shipmentId: string): Rate {
  return {
    carrier: "shippo",
    rate_id: rate.object_id,
    carrier_shipment_id: rate.shipment ?? shipmentId,
    provider: rate.provider,
    service_code: rate.servicelevel.token,
    service_name: `${rate.provider} ${rate.servicelevel.name ?? rate.servicelevel.token}`,
    amount: Number(rate.amount),
    currency_code: rate.currency,
    days: rate.estimated_days ?? null,
  }
}

/**
 * Shippo's carrier token for GET /tracks/{carrier}/{number} ("USPS" -> "usps",
 * "DHL Express" -> "dhl_express"), derived from the rate's provider name.
 */
export const carrierToken = (provider: string) => provider.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_")

const statuses: Record<string, TrackingStatus> = {
  UNKNOWN: "unknown",
  PRE_TRANSIT: "pre_transit",
  TRANSIT: "in_transit",
  DELIVERED: "delivered",
  RETURNED: "returned",
  FAILURE: "failure",
}

export function trackingStatus(s: ShippoTrackingStatus | null | undefined): TrackingStatus {
  if (!s) return "unknown"
  // Shippo has no top-level "out for delivery"; its substatus says so within TRANSIT.
  if (s.status === "TRANSIT" && s.substatus?.code === "out_for_delivery") return "out_for_delivery"
  return statuses[s.status] ?? "unknown"
}

export function toTrackingUpdate(track: ShippoTrack): TrackingUpdate {
  const history = track.tracking_history?.length ? track.tracking_history : track.tracking_status ? [track.tracking_status] : []
  const events: TrackingEvent[] = history
    .filter((s) => s.status_date)
    .map((s) => ({
      status: trackingStatus(s),
      occurred_at: s.status_date as string,
      description: s.status_details || s.substatus?.text || s.status,
      location: place(s.location),
    }))
    .sort((a, b) => a.occurred_at.localeCompare(b.occurred_at))
  return { carrier: "shippo", tracking_number: track.tracking_number, status: trackingStatus(track.tracking_status), events }
}

function place(l: ShippoTrackingStatus["location"]) {
  if (!l) return null
  return [l.city, l.state, l.zip, l.country].filter(Boolean).join(", ") || null
}

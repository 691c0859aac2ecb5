import type {
  LabelFormat,
  Rate,
  TrackingEvent,
  TrackingStatus,
  TrackingUpdate,
} from "../../../../lib/shipping/contract"
import type { EasyPostRate, EasyPostShipment, EasyPostTracker } from "./types"

export function toRate(rate: EasyPostRate, shipmentId: string): Rate {
  return {
    carrier: "easypost",
    rate_id: rate.id,
    carrier_shipment_id: rate.shipment_id ?? shipmentId,
    provider: rate.carrier,
    service_code: rate.service,
    service_name: `${rate.carrier} ${spaced(rate.service)}`,
    amount: Number(rate.rate),
    currency_code: rate.currency,
    days: rate.delivery_days ?? rate.est_delivery_days ?? null,
  }
}

/** "GroundAdvantage" -> "Ground Advantage": EasyPost service codes are CamelCase. */
const spaced = (service: string) => service.replace(/([a-z])([A-Z])/g, "$1 $2")

/** The URL of the label file in the asked format, when EasyPost has made one. */
export function labelUrl(shipment: EasyPostShipment, format: LabelFormat): string | null {
  const label = shipment.postage_label
  if (!label) return null
  if (format === "pdf") return label.label_pdf_url ?? (label.label_file_type === "application/pdf" ? label.label_url ?? null : null)
  return label.label_zpl_url ?? (/zpl/i.test(label.label_file_type ?? "") ? label.label_url ?? null : null)
}

/** The format of a file EasyPost already made for this shipment (ZPL first: it was asked for). */
export function existingFormat(shipment: EasyPostShipment): LabelFormat | null {
  if (labelUrl(shipment, "zpl")) return "zpl"
  if (labelUrl(shipment, "pdf")) return "pdf"
  return null
}

/** EasyPost's Tracker statuses in our words. */
const statuses: Record<string, TrackingStatus> = {
  unknown: "unknown",
  pre_transit: "pre_transit",
  in_transit: "in_transit",
  out_for_delivery: "out_for_delivery",
  // Waiting at a pickup point: the last step before the customer has it.
  available_for_pickup: "out_for_delivery",
  delivered: "delivered",
  return_to_sender: "returned",
  failure: "failure",
  // The carrier cancelled the shipment: it will not arrive.
  cancelled: "failure",
  error: "unknown",
}

export const trackingStatus = (status: string | null | undefined): TrackingStatus => statuses[status ?? ""] ?? "unknown"

export function toTrackingUpdate(tracker: EasyPostTracker): TrackingUpdate {
  const events: TrackingEvent[] = (tracker.tracking_details ?? [])
    .map((d) => ({
      status: trackingStatus(d.status),
      occurred_at: d.datetime,
      description: d.message || d.description || d.status,
      location: place(d.tracking_location),
    }))
    .sort((a, b) => a.occurred_at.localeCompare(b.occurred_at))
  return { carrier: "easypost", tracking_number: tracker.tracking_code, status: trackingStatus(tracker.status), events }
}

function place(l: { city?: string | null; state?: string | null; country?: string | null; zip?: string | null } | null | undefined) {
  if (!l) return null
  const text = [l.city, l.state, l.zip, l.country].filter(Boolean).join(", ")
  return text || null
}

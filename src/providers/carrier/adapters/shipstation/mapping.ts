import type {
  CustomsLine,
  LabelFormat,
  LabelSize,
  Rate,
  ShipmentRequest,
  ShippingAddress,
  TrackingEvent,
  TrackingStatus,
  TrackingUpdate,
} from "../../../../lib/shipping/contract"
import type { SsAddress, SsCustomsItem, SsMoney, SsPackage, SsRate, SsShipment, SsTracking } from "./wire"

/**
 * Our shipment in ShipStation's words. Units: ShipStation takes grams and centimetres as they
 * are ("gram", "centimeter"), so nothing is rounded on the way out.
 */
export function toSsShipment(shipment: ShipmentRequest): SsShipment {
  return {
    ship_from: toSsAddress(shipment.from),
    ship_to: toSsAddress(shipment.to),
    packages: shipment.parcels.map(
      (p): SsPackage => ({
        weight: { value: p.weight_g, unit: "gram" },
        dimensions: { unit: "centimeter", length: p.length_cm, width: p.width_cm, height: p.height_cm },
      })
    ),
    customs: shipment.customs?.length
      ? { contents: "merchandise", non_delivery: "return_to_sender", customs_items: shipment.customs.map(toSsCustomsItem) }
      : null,
  }
}

function toSsAddress(a: ShippingAddress): SsAddress {
  return {
    name: a.name,
    // ShipStation requires a phone on ship_from; an empty string is what it accepts for "none".
    phone: a.phone ?? "",
    company_name: a.company ?? null,
    address_line1: a.line1,
    address_line2: a.line2 ?? null,
    city_locality: a.city,
    state_province: a.province ?? null,
    postal_code: a.postal_code,
    country_code: a.country_code.toUpperCase(),
    address_residential_indicator: "unknown",
  }
}

function toSsCustomsItem(line: CustomsLine): SsCustomsItem {
  return {
    description: line.description,
    quantity: line.quantity,
    // ShipStation's customs value is per unit; ours is the whole line.
    value: { currency: line.currency_code.toLowerCase(), amount: round2(line.value / Math.max(1, line.quantity)) },
    harmonized_tariff_code: line.hs_code,
    country_of_origin: line.origin_country.toUpperCase(),
    weight: { value: Math.round(line.weight_g / Math.max(1, line.quantity)), unit: "gram" },
  }
}

/** ZPL is a 4x6 thermal format; PDF comes as 4x6 or a Letter sheet (ShipStation has no A4 for single labels). */
export function ssLayout(format: LabelFormat, size: LabelSize): "4x6" | "letter" {
  if (format === "zpl" || size === "4x6") return "4x6"
  return "letter"
}

/** A quote's total is the sum of its parts, as ShipStation documents it. */
export function toRate(r: SsRate): Rate {
  const parts = [r.shipping_amount, r.insurance_amount, r.confirmation_amount, r.other_amount, r.tax_amount]
  return {
    carrier: "shipstation",
    rate_id: r.rate_id,
    carrier_shipment_id: r.shipment_id ?? null,
    provider: r.carrier_friendly_name || r.carrier_code,
    service_code: r.service_code,
    service_name: r.service_type,
    amount: round2(parts.reduce((sum, m) => sum + (m?.amount ?? 0), 0)),
    currency_code: r.shipping_amount.currency.toUpperCase(),
    days: r.delivery_days ?? null,
  }
}

export function money(m: SsMoney | undefined): number {
  return m?.amount ?? 0
}

/**
 * ShipStation's standardized status codes (UN, AC, IT, DE, EX, AT, NY, SP) in ours. An attempted
 * delivery (AT) and a parcel waiting at a service point (SP) are "out for delivery": the box is
 * at the last mile and the customer can still get it.
 */
export function toTrackingStatus(code: string | undefined): TrackingStatus {
  switch ((code ?? "").toUpperCase()) {
    case "NY":
      return "pre_transit"
    case "AC":
    case "IT":
      return "in_transit"
    case "AT":
    case "SP":
      return "out_for_delivery"
    case "DE":
      return "delivered"
    case "EX":
      return "failure"
    default:
      return "unknown"
  }
}

export function toTrackingUpdate(t: SsTracking): TrackingUpdate {
  const events: TrackingEvent[] = [...(t.events ?? [])]
    .sort((a, b) => Date.parse(a.occurred_at) - Date.parse(b.occurred_at))
    .map((e) => ({
      status: toTrackingStatus(e.status_code ?? t.status_code),
      occurred_at: new Date(e.occurred_at).toISOString(),
      description: e.description,
      location: [e.city_locality, e.state_province, e.country_code].filter(Boolean).join(", ") || null,
    }))
  return { carrier: "shipstation", tracking_number: t.tracking_number, status: toTrackingStatus(t.status_code), events }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}

import type {
  CustomsLine,
  LabelFormat,
  Rate,
  ShipmentRequest,
  ShippingAddress,
  ShippingParcel,
  TrackingEvent,
  TrackingStatus,
  TrackingUpdate,
} from "../../../../lib/shipping/contract"
import type { ScAddress, ScParcel, ScParcelItem, ScShippingOption, ScTrackingEvent } from "./wire"

/**
 * Our units in Sendcloud's: weights are kilograms and dimensions centimetres, both as decimal
 * strings ("1.320", "30.00"), prices `{value: "12.65", currency}`.
 */
export const kg = (grams: number) => (Math.max(grams, 1) / 1000).toFixed(3)
export const cm = (n: number) => n.toFixed(2)

export function toScAddress(a: ShippingAddress): ScAddress {
  const country = a.country_code.toUpperCase()
  const out: ScAddress = {
    name: a.name,
    address_line_1: a.line1,
    postal_code: a.postal_code,
    city: a.city,
    country_code: country,
  }
  if (a.company) out.company_name = a.company
  if (a.line2) out.address_line_2 = a.line2
  // Sendcloud wants ISO 3166-2 subdivision codes ("US-NY"); we store the part after the dash.
  if (a.province) out.state_province_code = a.province.includes("-") ? a.province.toUpperCase() : `${country}-${a.province.toUpperCase()}`
  if (a.phone) out.phone_number = a.phone
  if (a.email) out.email = a.email
  return out
}

export function toScParcel(p: ShippingParcel): ScParcel {
  return {
    dimensions: { length: cm(p.length_cm), width: cm(p.width_cm), height: cm(p.height_cm), unit: "cm" },
    weight: { value: kg(p.weight_g), unit: "kg" },
  }
}

/** Customs lines go on the first parcel (ours are per shipment); Sendcloud's price and weight are per unit. */
export function toScParcels(shipment: ShipmentRequest): ScParcel[] {
  const parcels = shipment.parcels.map(toScParcel)
  if (shipment.customs?.length && parcels[0]) parcels[0].parcel_items = shipment.customs.map(toScItem)
  return parcels
}

function toScItem(line: CustomsLine): ScParcelItem {
  const units = Math.max(1, line.quantity)
  return {
    description: line.description,
    quantity: line.quantity,
    weight: { value: kg(line.weight_g / units), unit: "kg" },
    price: { value: (line.value / units).toFixed(2), currency: line.currency_code.toUpperCase() },
    hs_code: line.hs_code,
    origin_country: line.origin_country.toUpperCase(),
  }
}

/** A shipping option with a quote is a rate; options Sendcloud could not price are left out. */
export function toRate(option: ScShippingOption): Rate | null {
  const quote = option.quotes?.find((q) => q?.price?.total?.value !== undefined && q?.price?.total !== null)
  const total = quote?.price?.total
  if (!total) return null
  const hours = quote?.lead_time
  return {
    carrier: "sendcloud",
    rate_id: option.code,
    carrier_shipment_id: null,
    provider: option.carrier?.name ?? option.carrier?.code ?? "Sendcloud",
    service_code: option.code,
    service_name: option.name ?? option.product?.name ?? option.code,
    amount: Math.round(Number(total.value) * 100) / 100,
    currency_code: total.currency.toUpperCase(),
    // Sendcloud gives the lead time in hours.
    days: typeof hours === "number" ? Math.max(1, Math.ceil(hours / 24)) : null,
  }
}

export const mimeOf = (format: LabelFormat) => (format === "zpl" ? "application/zpl" : "application/pdf")
export const formatOf = (mime: string | undefined): LabelFormat => (mime === "application/zpl" ? "zpl" : "pdf")

/** Statuses Sendcloud documents by id (parcel status ids of the webhook payload). */
const byId: Record<number, TrackingStatus> = { 1000: "pre_transit", 1001: "pre_transit", 1002: "failure", 11: "delivered" }

/**
 * Sendcloud's status in ours: by documented id first, else by its words (the webhook's
 * `status.message`, or a v3 tracking `status_code` such as "out_for_delivery").
 */
export function toTrackingStatus(text: string | undefined, id?: number): TrackingStatus {
  if (id !== undefined && byId[id]) return byId[id]
  const t = (text ?? "").toLowerCase().replace(/[_-]+/g, " ")
  if (/return/.test(t)) return "returned"
  if (/attempt/.test(t)) return "out_for_delivery"
  if (/unable|undeliverable|fail|refused|exception|error|invalid|lost|damaged/.test(t)) return "failure"
  if (/delivered|collected by customer/.test(t)) return "delivered"
  if (/out for delivery|driver (is )?en route|driver on route|awaiting customer pick ?up|ready for collection/.test(t)) return "out_for_delivery"
  if (/en route|on route|sort|transit|picked up|customs|delayed|accepted|at .*centre|hub/.test(t)) return "in_transit"
  if (/ready to send|announc|no label|info received|registered/.test(t)) return "pre_transit"
  return "unknown"
}

export function toTrackingUpdate(trackingNumber: string, events: ScTrackingEvent[]): TrackingUpdate {
  const mapped: TrackingEvent[] = [...events]
    .sort((a, b) => Date.parse(a.event_at) - Date.parse(b.event_at))
    .map((e) => ({
      status: toTrackingStatus(e.status_code),
      occurred_at: new Date(e.event_at).toISOString(),
      description: e.status_description || e.status_code,
      location: null,
    }))
  const last = mapped[mapped.length - 1]
  return { carrier: "sendcloud", tracking_number: trackingNumber, status: last?.status ?? "unknown", events: mapped }
}

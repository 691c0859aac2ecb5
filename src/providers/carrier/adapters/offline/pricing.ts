import type { Rate, ShipmentRequest, ShippingParcel } from "../../../../lib/shipping/contract"
import { CarrierError } from "../../../../lib/shipping/errors"
import { zoneBetween, type Zone } from "../../../../lib/shipping/regions"
import { formatWeight } from "../../../../lib/shipping/units"
import type { OfflineService, OfflineSettings } from "./settings"

export const OFFLINE_PROVIDER = "Offline carrier"

const zoneWords: Record<Zone, string> = { domestic: "within the country", continental: "within the continent", world: "worldwide" }

/** One quote per service: the sum of each parcel's price in its weight band, for the shipment's zone. */
export function offlineRates(shipment: ShipmentRequest, settings: OfflineSettings): Rate[] {
  const zone = shipmentZone(shipment)
  const bands = shipment.parcels.map((parcel, i) => weightBand(parcel, i, settings))
  return settings.services.map((service) => ({
    carrier: "offline",
    rate_id: null,
    carrier_shipment_id: null,
    provider: OFFLINE_PROVIDER,
    service_code: service.code,
    service_name: service.name,
    amount: priceOf(service, zone, bands),
    currency_code: settings.currency_code,
    days: service.days[zone],
  }))
}

export function shipmentZone(shipment: ShipmentRequest): Zone {
  return zoneBetween(shipment.from.country_code, shipment.to.country_code)
}

export function findService(code: string, settings: OfflineSettings): OfflineService {
  const service = settings.services.find((s) => s.code === code)
  if (service) return service
  const known = settings.services.map((s) => s.code).join(", ")
  throw CarrierError.of("offline", "invalid_request", `The offline carrier has no service "${code}"; its services are ${known}.`)
}

export function priceOf(service: OfflineService, zone: Zone, bands: number[]): number {
  const cents = bands.reduce((sum, b) => sum + Math.round(service.prices[zone][b] * 100), 0)
  return cents / 100
}

/** Index of the parcel's weight band; a person reads why a parcel cannot go. */
export function weightBand(parcel: ShippingParcel, index: number, settings: OfflineSettings): number {
  const kg = parcel.weight_g / 1000
  const band = settings.weight_bands_kg.findIndex((limit) => kg <= limit)
  if (band === -1) {
    const heaviest = settings.weight_bands_kg[settings.weight_bands_kg.length - 1]
    throw CarrierError.of(
      "offline",
      "invalid_request",
      `The offline carrier cannot take parcel ${index + 1} (${formatWeight(parcel.weight_g)}): its heaviest weight band is ${heaviest} kg.`
    )
  }
  return band
}

/**
 * The request checks a person can act on before anything is priced or bought. A quote needs no
 * reference (checkout prices a cart before any purchase exists); a purchase does.
 */
export function checkShipment(shipment: ShipmentRequest, purpose: "quote" | "purchase"): void {
  const refuse = (message: string) => {
    throw CarrierError.of("offline", "invalid_request", `The offline carrier refused the shipment: ${message}`)
  }
  if (purpose === "purchase" && !shipment.reference?.trim()) refuse("it has no reference (the ledger's key of the purchase).")
  if (!shipment.parcels?.length) refuse("it has no parcels.")
  shipment.parcels.forEach((p, i) => {
    if (!(p.weight_g > 0)) refuse(`parcel ${i + 1} weighs ${p.weight_g} g; weight must be more than 0.`)
    for (const side of ["length_cm", "width_cm", "height_cm"] as const) {
      if (!(p[side] >= 0)) refuse(`parcel ${i + 1} has ${side.replace("_cm", "")} ${p[side]} cm; it cannot be negative.`)
    }
  })
  for (const [end, address] of [["sender", shipment.from], ["recipient", shipment.to]] as const) {
    if (!/^[A-Za-z]{2}$/.test(address?.country_code ?? "")) refuse(`the ${end} has no two-letter country code.`)
  }
}

export const describeZone = (zone: Zone) => zoneWords[zone]

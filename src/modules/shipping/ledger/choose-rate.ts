import type { Rate } from "../../../lib/shipping/contract"
import { carrierNames } from "../../../lib/shipping/contract"

/**
 * The quote a purchase buys: the asked service when there is one, else the cheapest (ties:
 * the faster, then the service code, so the choice is the same every time). Returns a sentence
 * instead when nothing fits, naming what the carrier does offer.
 */
export function chooseRate(rates: Rate[], serviceCode: string | null | undefined): { rate: Rate } | { refusal: string } {
  const fitting = serviceCode ? rates.filter((r) => r.service_code === serviceCode) : rates
  if (!fitting.length) {
    const carrier = rates[0] ? carrierNames[rates[0].carrier] : "The carrier"
    const offered = [...new Set(rates.map((r) => r.service_code))].join(", ")
    return {
      refusal: serviceCode
        ? `${carrier} offers no "${serviceCode}" service for this shipment${offered ? ` (it offers: ${offered})` : ""}`
        : `${carrier} returned no rates for this shipment`,
    }
  }
  const sorted = [...fitting].sort(
    (a, b) =>
      a.amount - b.amount ||
      (a.days ?? Number.MAX_SAFE_INTEGER) - (b.days ?? Number.MAX_SAFE_INTEGER) ||
      a.service_code.localeCompare(b.service_code)
  )
  return { rate: sorted[0] }
}

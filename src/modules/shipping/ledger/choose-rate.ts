import type { Rate } from "../../../lib/shipping/contract"
import { carrierNames } from "../../../lib/shipping/contract"
import { defaultRatePolicy, shopRates, type RatePolicy, type ShipmentFacts } from "../../../lib/shipping/rate-shopping"

export type RateChoice = { rate: Rate; decision: string } | { refusal: string }

/**
 * The quote a purchase buys. A named service: that service's rate. Otherwise rate shopping
 * (src/lib/shipping/rate-shopping) with the shipping option's policy, cheapest by default, and
 * its sentence ("Offline Economy won: cheapest of 3 ..."). A sentence instead of a rate when
 * nothing fits, naming what the carrier does offer.
 */
export function chooseRate(
  rates: Rate[],
  serviceCode: string | null | undefined,
  shopping: { policy?: RatePolicy | null; facts?: ShipmentFacts | null } = {}
): RateChoice {
  const carrier = rates[0] ? carrierNames[rates[0].carrier] : "The carrier"
  if (serviceCode) {
    const fitting = rates.filter((r) => r.service_code === serviceCode)
    if (!fitting.length) {
      const offered = [...new Set(rates.map((r) => r.service_code))].join(", ")
      return { refusal: `${carrier} offers no "${serviceCode}" service for this shipment${offered ? ` (it offers: ${offered})` : ""}` }
    }
    const [rate] = [...fitting].sort((a, b) => a.amount - b.amount)
    return { rate, decision: `${rate.service_name} as the shipping option names it (${rate.amount.toFixed(2)} ${rate.currency_code})` }
  }
  if (!rates.length) return { refusal: `${carrier} returned no rates for this shipment` }
  const facts = shopping.facts ?? { destination: { country_code: "" }, value: 0, currency_code: rates[0].currency_code }
  const { winner, trace } = shopRates(shopping.policy ?? defaultRatePolicy, rates, facts)
  if (!winner) return { refusal: trace.decision }
  return { rate: winner, decision: trace.decision }
}

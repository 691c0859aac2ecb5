import { carrierNames, type Rate } from "./contract"

/**
 * Quotes in the order a rate-shop purchase weighs them: cheapest first; ties go to the faster
 * (unknown transit last), then to the service code, so the order is the same every time.
 */
export function byCheapest(rates: Rate[]): Rate[] {
  return [...rates].sort(
    (a, b) =>
      a.amount - b.amount ||
      (a.days ?? Number.MAX_SAFE_INTEGER) - (b.days ?? Number.MAX_SAFE_INTEGER) ||
      a.service_code.localeCompare(b.service_code)
  )
}

const money = (amount: number, currency: string) => `${currency.toUpperCase()} ${amount.toFixed(2)}`

/**
 * Why rate shopping buys the first of `sorted`, as a person says it:
 * "Offline Economy won: cheapest of 3 quotes (EUR 3.90, arrives in 3 days)".
 */
export function explainCheapest(sorted: Rate[]): string | null {
  const [won, next] = sorted
  if (!won) return null
  const name = won.service_name || `${carrierNames[won.carrier]} ${won.service_code}`
  const facts = [money(won.amount, won.currency_code), won.days === null ? null : `arrives in ${won.days} day${won.days === 1 ? "" : "s"}`]
    .filter(Boolean)
    .join(", ")
  if (sorted.length === 1) return `${name} won: the only quote (${facts})`
  const tie = next && next.amount === won.amount ? `; tied on price with ${next.service_name}, it is ${won.days === next.days ? "first by service code" : "faster"}` : ""
  return `${name} won: cheapest of ${sorted.length} quotes (${facts})${tie}`
}

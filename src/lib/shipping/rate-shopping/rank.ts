import type { Rate } from "../contract"

/**
 * How a person names a rate: "DHL Express Worldwide", "USPS Priority". The provider is left out
 * when the service name already starts with the provider's first word ("Offline Express").
 */
export function rateName(rate: Rate): string {
  const provider = rate.provider.trim()
  const service = rate.service_name.trim()
  if (!provider) return service
  if (!service) return provider
  const first = provider.split(/\s+/)[0].toLowerCase()
  return service.toLowerCase().startsWith(first) ? service : `${provider} ${service}`
}

export const money = (rate: Rate) => `${rate.amount.toFixed(2)} ${rate.currency_code.toUpperCase()}`
export const daysText = (days: number | null) => (days === null ? "no promised transit time" : days === 1 ? "1 day" : `${days} days`)

/** Rates without a promised transit time rank after every rate with one. */
const daysKey = (rate: Rate) => rate.days ?? Number.POSITIVE_INFINITY
const cents = (rate: Rate) => Math.round(rate.amount * 100)

/** The last word on a tie: names in alphabetical order, then service code, then the carrier's rate id. */
export function byName(a: Rate, b: Rate): number {
  return (
    rateName(a).localeCompare(rateName(b), "en") ||
    a.service_code.localeCompare(b.service_code, "en") ||
    (a.rate_id ?? "").localeCompare(b.rate_id ?? "", "en")
  )
}

export const byPrice = (a: Rate, b: Rate) => cents(a) - cents(b)
export const byDays = (a: Rate, b: Rate) => daysKey(a) - daysKey(b)

/** Cheapest first; on equal price the faster, then by name. */
export const cheapestFirst = (a: Rate, b: Rate) => byPrice(a, b) || byDays(a, b) || byName(a, b)
/** Fastest first; on equal days the cheaper, then by name. */
export const fastestFirst = (a: Rate, b: Rate) => byDays(a, b) || byPrice(a, b) || byName(a, b)

/**
 * How the winner beat the runner-up when they tied on the strategy's own measure, said in a
 * sentence; null when the winner was strictly better.
 */
export function tieNote(winner: Rate, runnerUp: Rate | undefined, measure: "price" | "days"): string | null {
  if (!runnerUp) return null
  const tiedOnMeasure = measure === "price" ? byPrice(winner, runnerUp) === 0 : byDays(winner, runnerUp) === 0
  if (!tiedOnMeasure) return null
  const other = rateName(runnerUp)
  if (measure === "price") {
    return byDays(winner, runnerUp) !== 0
      ? `tied with ${other} at ${money(winner)}; the faster one won (${daysText(winner.days)} against ${daysText(runnerUp.days)})`
      : `tied with ${other} at ${money(winner)} and ${daysText(winner.days)}; the first by name won`
  }
  return byPrice(winner, runnerUp) !== 0
    ? `tied with ${other} at ${daysText(winner.days)}; the cheaper one won (${money(winner)} against ${money(runnerUp)})`
    : `tied with ${other} at ${daysText(winner.days)} and ${money(winner)}; the first by name won`
}

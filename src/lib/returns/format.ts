/** Wording shared by the sentences the returns core writes for customers and staff. */

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
]

/** "3 March 2027" (UTC: the pure core does not know the store's time zone). */
export function longDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** "2027-03-03" */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Money in major units, two decimals: 40 -> "40.00". */
export function money(amount: number): string {
  return (toCents(amount) / 100).toFixed(2)
}

/** Major units to whole cents, rounding half away from zero (12.345 -> 1235). */
export function toCents(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-7)
  return amount < 0 ? -cents : cents
}

export const fromCents = (cents: number): number => cents / 100

/** "1 unit" / "3 units" */
export const units = (n: number): string => `${n} ${n === 1 ? "unit" : "units"}`

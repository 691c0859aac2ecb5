import { createHash } from "crypto"

/**
 * Tracking numbers and label ids derived from our reference alone, so the same purchase always
 * gets the same numbers: a repeated buy, a lookup after a restart and the label file agree.
 *
 * A tracking number is "OL" (outbound) or "OR" (return), 11 digits from SHA-256 of the reference
 * and the parcel's position, and a Luhn check digit: 14 characters, Code 128 friendly.
 */
export function offlineTrackingNumber(reference: string, parcelIndex: number, isReturn = false): string {
  const digest = createHash("sha256").update(`${isReturn ? "return" : "outbound"}:${reference}#${parcelIndex}`).digest()
  const digits = (digest.readBigUInt64BE(0) % 100_000_000_000n).toString().padStart(11, "0")
  return `${isReturn ? "OR" : "OL"}${digits}${luhn(digits)}`
}

export function offlineLabelId(reference: string): string {
  return `offl_${createHash("sha256").update(reference).digest("hex").slice(0, 24)}`
}

/** Whether a tracking number's check digit is right (a mistyped number is caught before a lookup). */
export function isOfflineTrackingNumber(value: string): boolean {
  const match = /^O[LR](\d{11})(\d)$/.exec(value)
  return !!match && luhn(match[1]) === Number(match[2])
}

function luhn(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

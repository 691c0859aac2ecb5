import type { CarrierCode } from "./contract"
import type { Pace } from "./pacing"

/**
 * How fast the plugin may call each carrier, per account, unless the account's settings say
 * `requests_per_second` (and `burst`). From the carriers' published limits (CARRIERS-NOTES.md):
 * Shippo 500 POST/min live, ShipStation 200/min (20/min in its sandbox: set it there), Sendcloud
 * 100 POST/min with bursts of 15/s; EasyPost's are load-based (5/s on lists). The offline
 * carrier has none. We pace at 90% of a published limit (clocks differ, the carrier counts
 * arrivals, and a published figure may be rounded) and at 95% of one the account states.
 */
const PUBLISHED_PER_SECOND: Record<CarrierCode, number | null> = {
  offline: null,
  easypost: 5,
  shippo: 500 / 60,
  shipstation: 200 / 60,
  sendcloud: 100 / 60,
}

export const PACE_SHARE = 0.9
export const STATED_PACE_SHARE = 0.95

export function accountPace(carrier: CarrierCode, settings: Record<string, unknown> | null | undefined): Pace | null {
  const own = Number(settings?.requests_per_second)
  const stated = Number.isFinite(own) && own > 0
  const limit = stated ? own : PUBLISHED_PER_SECOND[carrier]
  if (!limit) return null
  const burst = Number(settings?.burst)
  return { per_second: limit * (stated ? STATED_PACE_SHARE : PACE_SHARE), burst: Number.isInteger(burst) && burst > 0 ? burst : 1 }
}

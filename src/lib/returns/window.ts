import { isoDate, longDate } from "./format"

const DAY_MS = 86_400_000

/** One fulfillment's dates, as Medusa records them (strings from JSON or Dates). */
export type FulfillmentDates = {
  created_at: string | Date
  shipped_at: string | Date | null
  delivered_at: string | Date | null
}

/** Where the window was counted from: the delivery itself, or an estimate of it. */
export type WindowBasis = "delivery" | "shipment" | "fulfillment"

export type WindowStart = { at: Date; basis: WindowBasis }

export type ReturnWindow = {
  /** null when no fulfillment has a date (the window cannot be counted, so it is not closed). */
  start: WindowStart | null
  /** Last day to return, ISO date (UTC), when the start is known. */
  return_by: string | null
  open: boolean
  /** Set when closed: "The 30-day return window closed on 3 March 2027." */
  sentence: string | null
}

const toDate = (d: string | Date | null | undefined): Date | null => {
  if (d === null || d === undefined) return null
  const date = d instanceof Date ? d : new Date(d)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * When one fulfillment reached the customer: its delivery, else its shipment plus the transit
 * days, else its creation plus the transit days (a parcel is not delivered the day it is packed).
 */
export function arrivalOf(f: FulfillmentDates, transitDays: number): WindowStart | null {
  const delivered = toDate(f.delivered_at)
  if (delivered) return { at: delivered, basis: "delivery" }
  const shipped = toDate(f.shipped_at)
  if (shipped) return { at: new Date(shipped.getTime() + transitDays * DAY_MS), basis: "shipment" }
  const created = toDate(f.created_at)
  if (created) return { at: new Date(created.getTime() + transitDays * DAY_MS), basis: "fulfillment" }
  return null
}

/**
 * The window of a line carried by these fulfillments. A line split over several parcels counts
 * from the latest arrival, so the customer never loses days to the first parcel of a split.
 */
export function windowStart(fulfillments: FulfillmentDates[], transitDays: number): WindowStart | null {
  let latest: WindowStart | null = null
  for (const f of fulfillments) {
    const arrival = arrivalOf(f, transitDays)
    if (arrival && (!latest || arrival.at.getTime() > latest.at.getTime())) latest = arrival
  }
  return latest
}

/**
 * The return window: `window_days` whole days after the arrival day, open until the end of
 * the last day (UTC). Delivered 1 March with 30 days: return by 31 March, closed from 1 April.
 */
export function returnWindow(
  fulfillments: FulfillmentDates[],
  policy: { window_days: number; transit_days: number },
  now: Date
): ReturnWindow {
  const start = windowStart(fulfillments, policy.transit_days)
  if (!start) return { start: null, return_by: null, open: true, sentence: null }
  const arrivalDay = Date.UTC(start.at.getUTCFullYear(), start.at.getUTCMonth(), start.at.getUTCDate())
  const lastDay = new Date(arrivalDay + policy.window_days * DAY_MS)
  const closesAt = lastDay.getTime() + DAY_MS // the end of the last day
  const open = now.getTime() < closesAt
  return {
    start,
    return_by: isoDate(lastDay),
    open,
    sentence: open ? null : closedSentence(policy.window_days, lastDay, start.basis),
  }
}

function closedSentence(windowDays: number, lastDay: Date, basis: WindowBasis): string {
  const counted =
    basis === "delivery" ? "" : " (counted from the estimated delivery, as the carrier did not confirm it)"
  return `The ${windowDays}-day return window closed on ${longDate(lastDay)}${counted}.`
}

import type { TrackingEvent, TrackingStatus } from "./contract"

/**
 * Tracking as the plugin keeps it: one row per step of a parcel's journey, whichever way it
 * arrived (webhook or poll), and what each step asks of Medusa's fulfillment.
 */

/**
 * The same step told twice (a webhook delivered again, or a poll that sees what a webhook
 * already said) has the same key, so it is stored once.
 */
export function trackingEventKey(trackingNumber: string, event: Pick<TrackingEvent, "status" | "occurred_at">): string {
  return `${trackingNumber}|${event.status}|${new Date(event.occurred_at).toISOString()}`
}

/** Statuses that mean the parcel has left the warehouse in the carrier's hands. */
const MOVING: ReadonlySet<TrackingStatus> = new Set(["in_transit", "out_for_delivery", "delivered"])

export type FulfillmentProgress = {
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  canceled_at: Date | string | null
}

/**
 * Whether a parcel's latest status should mark its fulfillment shipped and/or delivered now.
 * Each happens once: a fulfillment already shipped is not shipped again (Medusa would replace
 * its labels), one already delivered or canceled is left as it is (Medusa refuses both).
 */
export function fulfillmentSteps(status: TrackingStatus, fulfillment: FulfillmentProgress): { ship: boolean; deliver: boolean } {
  if (fulfillment.canceled_at) return { ship: false, deliver: false }
  return {
    ship: MOVING.has(status) && !fulfillment.shipped_at,
    deliver: status === "delivered" && !fulfillment.delivered_at,
  }
}

/** The parcel's status is that of its latest step by time, not the latest to arrive. */
export function latestStatus(events: Pick<TrackingEvent, "status" | "occurred_at">[]): TrackingStatus | null {
  let latest: Pick<TrackingEvent, "status" | "occurred_at"> | null = null
  for (const e of events) {
    if (!latest || new Date(e.occurred_at).getTime() >= new Date(latest.occurred_at).getTime()) latest = e
  }
  return latest?.status ?? null
}

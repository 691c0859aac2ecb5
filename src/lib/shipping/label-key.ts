import { createHash } from "node:crypto"

/**
 * The label ledger's idempotency keys. A key names one purchase a person or a workflow means
 * to make, so asking again (a retried workflow, a second click, a pack asked three times) finds
 * the same ledger row. It must not be Medusa's fulfillment id alone: when a provider throws,
 * Medusa deletes the fulfillment row and a retry gets a new id.
 */

/** Packing: one label purchase per wave and order (the pack's own identity). */
export const packLabelKey = (orderId: string, waveId: string) => `pack:${orderId}:${waveId}`

export type FulfillmentContents = {
  order_id: string
  location_id: string | null | undefined
  items: { line_item_id: string; quantity: number }[]
  /**
   * How many of the order's fulfillments with the same contents already carry a live label: a
   * second, identical shipment of the same order is a different purchase.
   */
  ordinal: number
}

/** Short, stable digest of what a fulfillment ships (location and items in a fixed order). */
export function contentsDigest(location: string | null | undefined, items: { line_item_id: string; quantity: number }[]): string {
  const lines = [...items].map((i) => `${i.line_item_id}x${i.quantity}`).sort()
  return createHash("sha256").update(`${location ?? "-"}|${lines.join(",")}`).digest("hex").slice(0, 16)
}

/** Any other fulfillment (the admin's Create Fulfillment): the order, what ships from where, and which one of its kind. */
export const fulfillmentLabelKey = (c: FulfillmentContents) =>
  `ful:${c.order_id}:${contentsDigest(c.location_id, c.items)}:${c.ordinal}`

/** A return label: one per Medusa return (or, without one, per order and returned contents). */
export const returnLabelKey = (orderOrReturnId: string, digest: string) => `ret:${orderOrReturnId}:${digest}`

/**
 * The reference sent to the carrier for one attempt under a key: a failed attempt (the carrier
 * refused, nothing bought) is followed by a new one with a new reference, so a carrier that
 * keeps references unique (ShipStation, Sendcloud) never sees one reused.
 */
export const attemptReference = (key: string, attempt: number) =>
  `oms-${createHash("sha256").update(key).digest("hex").slice(0, 20)}-${attempt}`

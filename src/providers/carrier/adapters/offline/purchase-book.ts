import type { PurchasedLabel, ShipmentRequest, TrackingEvent } from "../../../../lib/shipping/contract"

/** What the offline carrier remembers about one purchase. */
export type OfflinePurchase = {
  reference: string
  label: PurchasedLabel
  /** Null when the purchase was rebuilt from a label after the book was forgotten. */
  shipment: ShipmentRequest | null
  is_return: boolean
  purchased_at: Date
  /** Oldest first; starts with "Label created". */
  events: TrackingEvent[]
  voided: boolean
  /** How many times buy was asked for this reference (1 = bought once); a repeat gets the same label. */
  buy_requests: number
}

/**
 * Purchases per account, in this process's memory: the offline carrier's "server side". Kept at
 * module level because adapters are built per call (the ledger decrypts secrets just before),
 * and an account's purchases must outlive any one adapter.
 */
const books = new Map<string, Map<string, OfflinePurchase>>()

export function purchaseBook(accountId: string): Map<string, OfflinePurchase> {
  let book = books.get(accountId)
  if (!book) {
    book = new Map()
    books.set(accountId, book)
  }
  return book
}

/** The purchase a label belongs to, by the reference stored on it (or its label id). */
export function purchaseOf(accountId: string, label: PurchasedLabel): OfflinePurchase | null {
  const book = purchaseBook(accountId)
  const reference = label.carrier_data?.reference
  if (typeof reference === "string" && book.has(reference)) return book.get(reference)!
  for (const purchase of book.values()) if (purchase.label.carrier_label_id === label.carrier_label_id) return purchase
  return null
}

/** Forgets an account's purchases (or every account's), as a restarted process would. */
export function forgetOfflinePurchases(accountId?: string): void {
  if (accountId === undefined) books.clear()
  else books.delete(accountId)
}

/**
 * The returns capability's domain words, as plain data. Everything returns stores, answers
 * over HTTP or decides in the pure core is built from these types (src/types/returns re-exports
 * them for routes and the admin).
 *
 * Money is in major units of the order's currency (12.5 = 12.50), as everywhere in the plugin.
 */
import type { Condition } from "../rules"

/** How the parcel comes back: a label we buy, the customer's own drop-off, or no parcel at all. */
export const RETURN_METHODS = ["label", "drop_off", "keep_it"] as const
export type ReturnMethod = (typeof RETURN_METHODS)[number]

/** What the customer gets once the inspection passes. */
export const RESOLUTIONS = ["refund", "store_credit", "exchange"] as const
export type Resolution = (typeof RESOLUTIONS)[number]

/** The inspector's grade of one unit (or several alike). */
export const GRADES = ["new", "opened", "damaged", "missing", "wrong_item"] as const
export type Grade = (typeof GRADES)[number]

/** What happens to a graded unit. `restock` goes through Medusa's receive flow at a location. */
export const DISPOSITIONS = ["restock", "write_off", "refurbish", "return_to_vendor", "none"] as const
export type Disposition = (typeof DISPOSITIONS)[number]

/**
 * requested: the customer (or an admin) asked and Medusa's return is confirmed;
 * receiving: the parcel was scanned in at the station;
 * inspected: every line graded, Medusa's receive confirmed (restock done);
 * resolved: refund, store credit or exchange released (exactly once);
 * canceled: withdrawn before anything was received.
 */
export const RETURN_STATUSES = ["requested", "receiving", "inspected", "resolved", "canceled"] as const
export type ReturnStatus = (typeof RETURN_STATUSES)[number]

/** Which products a policy clause covers: product, collection, category, tag or type ids. */
export type ProductSelector = {
  kind: "product" | "collection" | "category" | "tag" | "type"
  ids: string[]
}

/** Extra proof a return reason asks for, keyed by Medusa's return reason `value`. */
export type ReasonRequirement = { note_required?: boolean; photo_required?: boolean }

/** How the return parcel's postage is charged to the customer. */
export type ReturnShippingCharge =
  | { mode: "free" }
  | { mode: "flat"; amount: number }
  /** The return label's carrier price, deducted from the refund. */
  | { mode: "carrier_rate" }

/**
 * Where returned items go, chosen per item:
 * - nearest: the nearest location able to receive (has an inventory level for the item);
 * - short: the location short of that SKU (below safety stock or below its open orders'
 *   needs), nearest first among the short ones, else nearest;
 * - fixed: one returns centre.
 */
export type DestinationRule =
  | { strategy: "nearest" }
  | { strategy: "short" }
  | { strategy: "fixed"; location_id: string }

/** One policy, as the admin's policy editor saves it. */
export type ReturnPolicyDefinition = {
  /** Days the customer has, counted from delivery. */
  window_days: number
  /** Added to the shipment (or fulfillment) date when delivery is not known. */
  transit_days: number
  /** Products that cannot be returned at all. */
  exclusions: ProductSelector[]
  /** Products sold as final sale (not returnable; said differently to the customer). */
  final_sale: ProductSelector[]
  /** Per return reason value: a note or a photo is required. */
  reasons: Record<string, ReasonRequirement>
  /** Kept from the refund of the returned goods, 0-100. */
  restocking_fee_percent: number
  shipping: ReturnShippingCharge
  /** Lines whose value (unit price x quantity) is below this are refunded without a return. */
  keep_it_under: number | null
  /** Which resolutions the customer may choose. */
  resolutions: Resolution[]
  /** Units graded damaged are refunded only when true (customer not at fault). */
  refund_damaged: boolean
  destination: DestinationRule
}

/** A stored policy: which market it serves and what it says. The first active match by priority wins. */
export type ReturnPolicy = {
  id: string
  name: string
  active: boolean
  /** Lower number = considered first. */
  priority: number
  /**
   * The market (country, region, sales channel) in the shared rules language; null = everywhere.
   * Region is the `region` list condition (facts: the order's region id).
   */
  market: Condition | null
  definition: ReturnPolicyDefinition
}

/** Why a line's returnable quantity is 0, for the code that reacts (the sentence is for people). */
export type NotReturnableCode =
  | "not_fulfilled"
  | "already_returned"
  | "window_closed"
  | "excluded"
  | "final_sale"
  | "no_policy"
  | "order_canceled"

/** The eligibility answer for one order line. */
export type LineEligibility = {
  line_item_id: string
  variant_id: string | null
  product_id: string | null
  sku: string | null
  title: string
  ordered_quantity: number
  /** fulfilled - (requested + received + dismissed) when the policy allows; else 0. */
  returnable_quantity: number
  /** What one returned unit refunds before fees (line total / quantity, discounts and tax included). */
  unit_refund: number
  /** True when this line would be refunded without sending it back (keep-it). */
  keep_it: boolean
  /** Set when returnable_quantity is 0. */
  reason_code: NotReturnableCode | null
  /** A sentence a customer can read, e.g. "The 30-day return window closed on 3 March." */
  reason: string | null
  /** Last day to return (ISO date) when known. */
  return_by: string | null
}

/** The policy's answer for a whole order. */
export type OrderEligibility = {
  order_id: string
  policy: { id: string; name: string } | null
  currency_code: string
  lines: LineEligibility[]
  /** Reason values with their requirements, for the form. */
  reasons: Record<string, ReasonRequirement>
  resolutions: Resolution[]
  methods: ReturnMethod[]
  restocking_fee_percent: number
  shipping: ReturnShippingCharge
}

/** Where one returned item goes, and why in a sentence. */
export type DestinationChoice = {
  line_item_id: string
  location_id: string
  location_name: string
  /** e.g. "Newark DC: nearest able to receive (12 km)" or "Milan: short of TEE-M (2 below safety stock)". */
  sentence: string
}

/** One inspected entry: a quantity of a line (or an unexpected item) with its grade. */
export type InspectionEntry = {
  /** The return line graded; null for an item that is not in this return. */
  return_line_id: string | null
  scanned_code: string | null
  grade: Grade
  quantity: number
  disposition: Disposition
  /** Where a restocked unit lands (defaults to the line's destination). */
  location_id: string | null
  note: string | null
}

/** What the policy pays out for an inspected return, line by line and in total. */
export type RefundBreakdown = {
  currency_code: string
  /** Value of the units the policy refunds (before fees). */
  goods: number
  restocking_fee: number
  shipping_fee: number
  /** Value of the units not refunded (damaged by the customer, missing, wrong item). */
  withheld: number
  /** goods - restocking_fee - shipping_fee, never below 0. */
  total: number
  lines: { return_line_id: string; refunded_quantity: number; withheld_quantity: number; amount: number }[]
  /** e.g. "2 x Tee M refunded (40.00), 1 x Tee M damaged not refunded (20.00), 10% restocking fee (4.00)". */
  sentence: string
}

/** The policy's terms frozen on a case at request time (what the customer was promised). */
export type ReturnTerms = {
  restocking_fee_percent: number
  shipping: ReturnShippingCharge
  refund_damaged: boolean
  resolutions: Resolution[]
  /** The return label's price when shipping is `carrier_rate` and a label was bought. */
  label_amount: number | null
}

// ---- inputs of the pure core (loaded by src/workflows/returns/utils, batched) -------------

/** One order line as eligibility needs it: Medusa's item detail counters plus product facts. */
export type EligibilityLineInput = {
  id: string
  title: string
  variant_id: string | null
  product_id: string | null
  sku: string | null
  quantity: number
  /** Medusa's order item detail counters. */
  fulfilled_quantity: number
  return_requested_quantity: number
  return_received_quantity: number
  return_dismissed_quantity: number
  /** Line total / quantity (discounts and tax included), major units. */
  unit_refund: number
  product: {
    collection_id: string | null
    category_ids: string[]
    tag_ids: string[]
    type_id: string | null
  }
}

export type EligibilityInput = {
  order: {
    id: string
    currency_code: string
    canceled: boolean
    /**
     * False when the order's customer has no account (a guest): store credit lives on an
     * account, so a guest is not offered it. Left out = an account.
     */
    has_account?: boolean
    region_id: string | null
    sales_channel_id: string | null
    /** Shipping address country (ISO 3166-1 alpha-2, lower or upper case). */
    country_code: string | null
    items: EligibilityLineInput[]
    /** Medusa fulfillments (not canceled): which lines each carried and its dates. */
    fulfillments: {
      created_at: string | Date
      shipped_at: string | Date | null
      delivered_at: string | Date | null
      items: { line_item_id: string; quantity: number }[]
    }[]
  }
  /** Every active policy; the pure core picks the first whose market matches. */
  policies: ReturnPolicy[]
  now: Date
}

/** One line of a return request as the store (or admin) sends it. */
export type ReturnRequestLine = {
  line_item_id: string
  quantity: number
  reason_id?: string | null
  /** The reason's `value` (the loader adds it from Medusa's return reasons). */
  reason_value?: string | null
  note?: string | null
  photo_urls?: string[]
}

export type ReturnRequest = {
  items: ReturnRequestLine[]
  method: ReturnMethod
  resolution: Resolution
  /** Exchange only: the new items. */
  exchange_items?: { variant_id: string; quantity: number }[]
  note?: string | null
}

/** A candidate destination for returned items, as the destination rule needs it. */
export type DestinationCandidate = {
  location_id: string
  name: string
  latitude: number | null
  longitude: number | null
  /** Per inventory item: stocked, reserved, safety stock and what its open orders still need. */
  stock: Record<string, { stocked: number; reserved: number; safety_stock: number; open_need: number }>
  /** Can receive returns at all (active profile, has inventory levels). */
  receives: boolean
}

export type DestinationInput = {
  rule: DestinationRule
  /** The customer's address as a point (routing's geocoder), when known. */
  origin: { latitude: number; longitude: number } | null
  lines: { line_item_id: string; inventory_item_id: string | null; sku: string | null }[]
  candidates: DestinationCandidate[]
}

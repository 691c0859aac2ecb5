/**
 * Returns' contracts: the store and admin API payloads and responses. Types only; the admin
 * imports this file with `import type`. Shapes come from src/lib/returns/types.ts.
 */
import type { Paginated, Timestamp } from "../common"
import type {
  DestinationRule,
  Disposition,
  Grade,
  InspectionEntry,
  OrderEligibility,
  RefundBreakdown,
  Resolution,
  ReturnMethod,
  ReturnPolicy,
  ReturnPolicyDefinition,
  ReturnRequest,
  ReturnStatus,
  ReturnTerms,
} from "../../lib/returns/types"

export type {
  DestinationRule,
  Disposition,
  Grade,
  InspectionEntry,
  OrderEligibility,
  RefundBreakdown,
  Resolution,
  ReturnMethod,
  ReturnPolicy,
  ReturnPolicyDefinition,
  ReturnRequest,
  ReturnStatus,
  ReturnTerms,
}

/** One line of a return case as every API shows it. */
export type ReturnLineView = {
  id: string
  order_line_item_id: string
  variant_id: string | null
  inventory_item_id: string | null
  sku: string | null
  barcode: string | null
  title: string
  quantity: number
  unit_refund: number
  reason_id: string | null
  reason_value: string | null
  note: string | null
  photo_urls: string[]
  keep_it: boolean
  destination_location_id: string | null
  destination_sentence: string | null
}

export type ReturnInspectionView = InspectionEntry & { id: string; inspected_by: string | null; created_at: Timestamp }

/** A return case (RMA) as the admin sees it. */
export type ReturnCaseView = {
  id: string
  rma_code: string
  order_id: string
  order_display_id: number | null
  return_id: string | null
  customer_id: string | null
  email: string | null
  currency_code: string
  status: ReturnStatus
  source: "store" | "core_route" | "admin"
  method: ReturnMethod
  resolution: Resolution
  policy_id: string | null
  terms: ReturnTerms
  label_id: string | null
  tracking_number: string | null
  exchange_items: { variant_id: string; quantity: number }[] | null
  exchange_id: string | null
  expected_refund: number | null
  breakdown: RefundBreakdown | null
  resolution_status: "none" | "pending" | "done" | "failed"
  resolution_result: Record<string, unknown> | null
  resolution_error: string | null
  note: string | null
  requested_at: Timestamp
  received_at: Timestamp | null
  inspected_at: Timestamp | null
  resolved_at: Timestamp | null
  canceled_at: Timestamp | null
  /** Hours since requested (queue age), computed when read. */
  age_hours: number
  lines: ReturnLineView[]
  inspections: ReturnInspectionView[]
}

/** What a customer sees of their return (no internal notes, no inspector names). */
export type StoreReturnCaseView = Pick<
  ReturnCaseView,
  | "id"
  | "rma_code"
  | "order_id"
  | "status"
  | "method"
  | "resolution"
  | "tracking_number"
  | "expected_refund"
  | "requested_at"
  | "resolved_at"
> & {
  lines: Pick<ReturnLineView, "id" | "order_line_item_id" | "title" | "sku" | "quantity" | "reason_value">[]
  /** GET path of the return slip PDF (RMA barcode). */
  slip_url: string
  /** GET path of the return label file, when a label was bought. */
  label_url: string | null
}

// ---- store API ------------------------------------------------------------------------------

/** POST /store/oms/returns/lookup: a guest proves ownership with order number and e-mail. */
export type StoreReturnLookupPayload = { order_display_id: number; email: string }
export type StoreReturnLookupResponse = { order_id: string; token: string; expires_at: Timestamp }

/** GET /store/oms/orders/:id/returnable */
export type StoreReturnableResponse = { eligibility: OrderEligibility }

/** POST /store/oms/returns */
export type StoreCreateReturnPayload = ReturnRequest & { order_id: string }
export type StoreReturnResponse = { return: StoreReturnCaseView }
export type StoreReturnsResponse = Paginated<{ returns: StoreReturnCaseView[] }>

/** GET /store/oms/store-credit?currency_code= */
export type StoreCreditBalanceResponse = { customer_id: string; currency_code: string; balance: number }
/** POST /store/oms/carts/:id/store-credit (apply the balance, or `amount` of it); DELETE removes. */
export type StoreApplyCreditPayload = { amount?: number }
export type StoreApplyCreditResponse = { cart_id: string; applied: number; balance: number }

// ---- admin API ------------------------------------------------------------------------------

export type AdminReturnsResponse = Paginated<{ returns: ReturnCaseView[] }>
export type AdminReturnResponse = { return: ReturnCaseView }

/** GET /admin/oms/returns/lookup?code= : the RMA code on the slip or the parcel's tracking number. */
export type AdminReturnLookupResponse = { return: ReturnCaseView }

/** POST /admin/oms/returns/:id/scan {code}: is this item part of the return? Nothing is written. */
export type AdminReturnScanPayload = { code: string }
export type AdminReturnScanResponse =
  | { match: true; return_line_id: string; sku: string | null; title: string; remaining: number; message: string }
  | { match: false; return_line_id: null; message: string }

/** POST /admin/oms/returns/:id/inspect: every unit of every line graded, plus wrong items. */
export type AdminInspectReturnPayload = {
  entries: {
    return_line_id: string | null
    scanned_code?: string | null
    grade: Grade
    quantity: number
    /** Defaults from the grade: new/opened -> restock, damaged -> write_off, missing/wrong_item -> none. */
    disposition?: Disposition
    /** Restock location; defaults to the line's destination. */
    location_id?: string | null
    note?: string | null
  }[]
}

export type AdminReturnPolicyPayload = {
  name: string
  active?: boolean
  priority?: number
  market?: ReturnPolicy["market"]
  definition: ReturnPolicyDefinition
}
export type AdminReturnPoliciesResponse = Paginated<{ return_policies: ReturnPolicy[] }>
export type AdminReturnPolicyResponse = { return_policy: ReturnPolicy }

/** GET /admin/oms/orders/:id/returns: the order widget's story. */
export type AdminOrderReturnsResponse = { returns: ReturnCaseView[]; eligibility: OrderEligibility }

/** GET /admin/oms/returns/stats?from&to (each list is one aggregate query). */
export type AdminReturnStatsResponse = {
  from: Timestamp
  to: Timestamp
  /** returned units / fulfilled units in the range, per reason value (null = no reason). */
  by_reason: { reason_value: string | null; returns: number; units: number; rate: number }[]
  by_product: { product_id: string | null; sku: string | null; title: string; units: number; sold_units: number; rate: number }[]
  by_location: { location_id: string | null; units: number; shipped_units: number; rate: number }[]
  resolution_hours: { count: number; p50: number | null; p90: number | null }
}

/** GET /admin/oms/customers/:id/store-credit */
export type AdminStoreCreditResponse = {
  customer_id: string
  balances: { currency_code: string; balance: number }[]
  entries: { id: string; currency_code: string; amount: number; kind: string; reference_type: string | null; reference_id: string | null; created_at: Timestamp }[]
}

import type {
  CarrierCode,
  CarrierFailure,
  LabelFormat,
  LabelSize,
  ParcelLabel,
  Rate,
  ShipmentRequest,
} from "../../lib/shipping/contract"
import type { RatePolicy, ShipmentFacts } from "../../lib/shipping/rate-shopping"

export type LabelStatus = "pending" | "purchased" | "failed" | "unknown" | "void_pending" | "voided"

/** A ledger row as the service reads it. */
export type LabelRow = {
  id: string
  idempotency_key: string
  attempt: number
  reference: string
  kind: "outbound" | "return"
  status: LabelStatus
  order_id: string | null
  fulfillment_id: string | null
  location_id: string | null
  carrier_account_id: string
  carrier: CarrierCode
  service_code: string | null
  request: ShipmentRequest
  rate: Rate | null
  /** Why this rate: the rate-shopping sentence, or the service the option names. */
  rate_decision: string | null
  format: LabelFormat
  size: LabelSize
  carrier_label_id: string | null
  carrier_shipment_id: string | null
  parcels: ParcelLabel[] | null
  tracking_numbers: string[]
  amount: number | null
  currency_code: string | null
  carrier_data: Record<string, unknown> | null
  failure: CarrierFailure | null
  failure_message: string | null
  void_message: string | null
  purchased_at: Date | null
  voided_at: Date | null
  created_by: string | null
  created_at: Date
  updated_at: Date
}

/** What a caller asks the ledger to buy. */
export type PurchaseInput = {
  idempotency_key: string
  kind?: "outbound" | "return"
  order_id?: string | null
  fulfillment_id?: string | null
  location_id?: string | null
  carrier_account_id: string
  /** The shipment without `reference`: the ledger sets it per attempt. */
  shipment: Omit<ShipmentRequest, "reference">
  /** A service to buy; null = rate shop (the cheapest quote). Ignored when `rate` is given. */
  service_code?: string | null
  rate?: Rate | null
  /** Rate shopping of a "rate shop" option: its policy and the shipment's facts. */
  rate_policy?: RatePolicy | null
  facts?: ShipmentFacts | null
  format?: LabelFormat
  size?: LabelSize
  created_by?: string | null
}

export type CarrierAccountInput = {
  carrier: CarrierCode
  name: string
  base_url?: string | null
  settings?: Record<string, unknown>
  services?: { code: string; name: string }[]
  /** Replaces the secrets when given; `null` clears them. */
  secrets?: Record<string, string> | null
  webhook_secret?: string | null
  active?: boolean
}

/** A carrier account as the API shows it: which secrets are set, never their values. */
export type PublicCarrierAccount = {
  id: string
  carrier: CarrierCode
  name: string
  base_url: string | null
  settings: Record<string, unknown>
  services: { code: string; name: string }[]
  secrets_set: string[]
  webhook_secret_set: boolean
  active: boolean
  created_at: Date
  updated_at: Date
}

import type { PublicCarrierAccount } from "../../modules/shipping/types"
import type { LabelView } from "../../workflows/shipping/utils/label-view"
import type { Paginated } from "../common"

export type { PublicCarrierAccount, LabelView }

export type AdminCarrierAccountsResponse = Paginated<{ carrier_accounts: PublicCarrierAccount[] }>
export type AdminCarrierAccountResponse = { carrier_account: PublicCarrierAccount }
export type AdminCarrierAccountDeleteResponse = { id: string; object: "carrier_account"; deleted: true }
export type AdminCarrierAccountTestResponse = { ok: boolean; message: string | null }

export type AdminOrderLabelsResponse = Paginated<{ labels: LabelView[] }>
export type AdminLabelResponse = { label: LabelView; created?: boolean }

import type { CarrierCode, LabelFormat, LabelSize, Rate } from "../../lib/shipping/contract"
import type { RateTrace } from "../../lib/shipping/rate-shopping/policy"
export type { CarrierCode, LabelFormat, LabelSize, Rate, RateTrace }

/** Body of POST /admin/oms/carrier-accounts. Secrets are write-only: sent, never read back. */
export type AdminCreateCarrierAccountPayload = {
  carrier: CarrierCode
  name: string
  base_url?: string | null
  settings?: Record<string, unknown>
  services?: { code: string; name: string }[]
  /** Replaces every stored secret; null clears them. */
  secrets?: Record<string, string> | null
  webhook_secret?: string | null
  active?: boolean
}

/** Body of POST /admin/oms/carrier-accounts/:id; omitted secrets stay as stored. */
export type AdminUpdateCarrierAccountPayload = Partial<Omit<AdminCreateCarrierAccountPayload, "carrier">>

/** Body of POST /admin/oms/orders/:id/labels; no service_code = rate shop (the cheapest quote). */
export type AdminBuyOrderLabelPayload = {
  fulfillment_id: string
  carrier_account_id: string
  service_code?: string | null
  format?: LabelFormat
  size?: LabelSize
}

/** Body of POST /admin/oms/orders/:id/labels/:label_id/return */
export type AdminReturnLabelPayload = { carrier_account_id?: string; service_code?: string | null }

/** Body of POST /admin/oms/labels/:id/tracking/play (the offline carrier only). */
export type AdminPlayTrackingPayload = { status: "in_transit" | "out_for_delivery" | "delivered" }

/** GET /admin/oms/orders/:id/labels/rates: what the account quotes for a fulfillment's parcel. */
export type AdminOrderLabelRatesResponse = {
  /** Cheapest first (ties: the faster, then by name). */
  rates: Rate[]
  /**
   * Rate shopping over these quotes with the default policy (the cheapest): the winner's service
   * and the trace ("Offline Economy won: cheapest of 3 (4.50 EUR, 3 days)."); winner null when
   * nothing could be compared.
   */
  rate_shop: { service_code: string | null; trace: RateTrace }
}

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

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { fetchEveryPage } from "../../lib/every-page"
import { sdk } from "../../lib/sdk"
import type {
  AdminCarrierAccountResponse as AccountResponse,
  AdminCarrierAccountsResponse as AccountsResponse,
  AdminCarrierAccountTestResponse as TestResponse,
  AdminCreateCarrierAccountPayload as CreateAccount,
  AdminUpdateCarrierAccountPayload as UpdateAccount,
} from "../../../types/shipping"
import { shippingQueryKeys } from "./query-keys"

const enc = encodeURIComponent

/** Every carrier account: which secrets are set, never their values. */
export const useCarrierAccounts = () =>
  useQuery({
    queryKey: shippingQueryKeys.accounts(),
    queryFn: () => fetchEveryPage<AccountsResponse>("/admin/oms/carrier-accounts", "carrier_accounts"),
  })

const useRefreshAccounts = () => {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: shippingQueryKeys.accounts() })
}

export const useCreateCarrierAccount = () => {
  const refresh = useRefreshAccounts()
  return useMutation({
    mutationFn: (body: CreateAccount) =>
      sdk.client.fetch<AccountResponse>("/admin/oms/carrier-accounts", { method: "POST", body }),
    onSuccess: () => refresh(),
  })
}

/** Omitted secrets stay as stored; given ones replace them. */
export const useUpdateCarrierAccount = () => {
  const refresh = useRefreshAccounts()
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: UpdateAccount }) =>
      sdk.client.fetch<AccountResponse>(`/admin/oms/carrier-accounts/${enc(id)}`, { method: "POST", body: update }),
    onSuccess: () => refresh(),
  })
}

/** Refused (409) while one of the account's purchases or voids is unsettled. */
export const useDeleteCarrierAccount = () => {
  const refresh = useRefreshAccounts()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/oms/carrier-accounts/${enc(id)}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  })
}

/** One cheap authenticated call at the carrier; a refusal is an answer (ok false and why). */
export const useTestCarrierAccount = () =>
  useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<TestResponse>(`/admin/oms/carrier-accounts/${enc(id)}/test`, { method: "POST", body: {} }),
  })

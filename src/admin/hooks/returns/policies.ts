import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { fetchEveryPage } from "../../lib/every-page"
import { sdk } from "../../lib/sdk"
import type {
  AdminReturnPoliciesResponse as PoliciesResponse,
  AdminReturnPolicyPayload as PolicyPayload,
  AdminReturnPolicyResponse as PolicyResponse,
} from "../../../types/returns"
import { returnsQueryKeys } from "./query-keys"

const enc = encodeURIComponent

/** Every return policy (active or not). */
export const useReturnPolicies = () =>
  useQuery({
    queryKey: returnsQueryKeys.policies(),
    queryFn: () => fetchEveryPage<PoliciesResponse>("/admin/oms/return-policies", "return_policies"),
  })

const useRefreshPolicies = () => {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: returnsQueryKeys.policies() })
}

export const useCreateReturnPolicy = () => {
  const refresh = useRefreshPolicies()
  return useMutation({
    mutationFn: (body: PolicyPayload) =>
      sdk.client.fetch<PolicyResponse>("/admin/oms/return-policies", { method: "POST", body }),
    onSuccess: () => refresh(),
  })
}

export const useUpdateReturnPolicy = () => {
  const refresh = useRefreshPolicies()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<PolicyPayload> }) =>
      sdk.client.fetch<PolicyResponse>(`/admin/oms/return-policies/${enc(id)}`, { method: "POST", body }),
    onSuccess: () => refresh(),
  })
}

export const useDeleteReturnPolicy = () => {
  const refresh = useRefreshPolicies()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/oms/return-policies/${enc(id)}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  })
}

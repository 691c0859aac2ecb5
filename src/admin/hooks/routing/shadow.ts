import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminRuleSet as RuleSet, AdminShadowResultsResponse as ShadowResultsResponse } from "../../../types/routing"
import { omsQueryKeys } from "../query-keys"

const shadowKey = (id: string) => [...omsQueryKeys.ruleSets(), id, "shadow-results"] as const

/** Turns shadow mode on or off for a draft; the rule-set list (with its counts) is fetched again. */
export const useSetShadow = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      sdk.client.fetch<{ rule_set: RuleSet }>(`/admin/oms/rule-sets/${encodeURIComponent(id)}/shadow`, {
        method: "POST",
        body: { enabled },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: omsQueryKeys.ruleSets() }),
  })
}

/** The orders a draft planned in shadow, newest first; one page at a time. */
export const useShadowResults = (
  id: string | null,
  { disagreementsOnly, limit, offset }: { disagreementsOnly: boolean; limit: number; offset: number }
) =>
  useQuery({
    queryKey: [...shadowKey(id ?? ""), { disagreementsOnly, limit, offset }],
    queryFn: () =>
      sdk.client.fetch<ShadowResultsResponse>(`/admin/oms/rule-sets/${encodeURIComponent(id as string)}/shadow-results`, {
        query: { disagreements_only: String(disagreementsOnly), limit, offset },
      }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  })

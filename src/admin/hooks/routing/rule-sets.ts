import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { fetchEveryPage } from "../../lib/every-page"
import type {
  AdminRuleSet as RuleSet,
  RuleSetDefinition,
  AdminRuleSetsResponse as RuleSetsResponse,
} from "../../../types/routing"
import { omsQueryKeys } from "../query-keys"

/** Every rule set version, newest first. */
export const useRuleSets = () =>
  useQuery({
    queryKey: omsQueryKeys.ruleSets(),
    queryFn: () => fetchEveryPage<RuleSetsResponse>("/admin/oms/rule-sets", "rule_sets"),
  })

export type RuleSetAction = "activate" | "archive" | "duplicate"

/** Creates a draft, changes a draft's definition, or activates / archives / duplicates a version. */
export const useRuleSetMutations = () => {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: omsQueryKeys.ruleSets() })
  const create = useMutation({
    mutationFn: (body: { name: string; definition: RuleSetDefinition; sales_channel_id?: string | null }) =>
      sdk.client.fetch<{ rule_set: RuleSet }>("/admin/oms/rule-sets", { method: "POST", body }),
    onSuccess: refresh,
  })
  const update = useMutation({
    mutationFn: ({ id, definition }: { id: string; definition: RuleSetDefinition }) =>
      sdk.client.fetch<{ rule_set: RuleSet }>(`/admin/oms/rule-sets/${encodeURIComponent(id)}`, {
        method: "POST",
        body: { definition },
      }),
    onSuccess: refresh,
  })
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: RuleSetAction }) =>
      sdk.client.fetch<{ rule_set: RuleSet }>(`/admin/oms/rule-sets/${encodeURIComponent(id)}/${action}`, {
        method: "POST",
        body: {},
      }),
    onSuccess: refresh,
  })
  return { create, update, act }
}

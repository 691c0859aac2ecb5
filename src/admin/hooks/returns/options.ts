import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { RegionOption, ReturnReasonOption } from "../../lib/medusa-types"
import { returnsQueryKeys } from "./query-keys"

/** Medusa's return reasons: the policy editor keys a reason's note/photo requirement by `value`. */
export const useReturnReasonOptions = () =>
  useQuery({
    queryKey: returnsQueryKeys.reasons(),
    queryFn: () =>
      sdk.client.fetch<{ return_reasons: ReturnReasonOption[] }>("/admin/return-reasons", {
        query: { fields: "id,value,label", limit: 200 },
      }),
  })

/** Regions, for a policy's market. */
export const useRegionOptions = () =>
  useQuery({
    queryKey: returnsQueryKeys.regions(),
    queryFn: () =>
      sdk.client.fetch<{ regions: RegionOption[] }>("/admin/regions", { query: { fields: "id,name,currency_code", limit: 200 } }),
  })

import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminReturnStatsResponse as StatsResponse } from "../../../types/returns"
import { returnsQueryKeys, type StatsRangeInput } from "./query-keys"

/** Return rates by reason, product and location, and resolution times, over a date range. */
export const useReturnStats = (range: StatsRangeInput) =>
  useQuery({
    queryKey: returnsQueryKeys.stats(range),
    queryFn: () =>
      sdk.client.fetch<StatsResponse>("/admin/oms/returns/stats", {
        query: Object.fromEntries(Object.entries(range).filter(([, v]) => v)),
      }),
    placeholderData: keepPreviousData,
  })

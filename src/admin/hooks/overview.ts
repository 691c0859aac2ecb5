import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminOmsOverviewResponse as OmsOverview } from "../../types/foundation"
import { omsQueryKeys } from "./query-keys"

/** Orders today, fulfillment counts and stock per location. */
export const useOmsOverview = () =>
  useQuery({
    queryKey: omsQueryKeys.overview(),
    queryFn: () => sdk.client.fetch<OmsOverview>("/admin/oms/overview"),
  })

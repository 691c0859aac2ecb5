import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type {
  Bin,
  AdminUpsertBinPayload as BinUpsert,
  AdminBinsImportResponse as BinsImportResult,
  AdminBinsQuery as BinsQuery,
  AdminBinsResponse as BinsResponse,
} from "../../../types/picking"
import { pickingQueryKeys } from "./query-keys"

export const useBins = (query: BinsQuery, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: pickingQueryKeys.bins(query),
    queryFn: () =>
      sdk.client.fetch<BinsResponse>("/admin/oms/bins", {
        query: Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== "")),
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })

/** Sets an item's bin at a location (creates or replaces it). */
export const useSaveBin = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BinUpsert) => sdk.client.fetch<{ bin: Bin }>("/admin/oms/bins", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pickingQueryKeys.binsRoot() }),
  })
}

export const useImportBins = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (csv: string) =>
      sdk.client.fetch<BinsImportResult>("/admin/oms/bins/import", { method: "POST", body: { csv } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pickingQueryKeys.binsRoot() }),
  })
}

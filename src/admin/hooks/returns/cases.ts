import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type {
  AdminInspectReturnPayload as InspectPayload,
  AdminOrderReturnsResponse as OrderReturnsResponse,
  AdminReturnLookupResponse as LookupResponse,
  AdminReturnResponse as ReturnResponse,
  AdminReturnScanResponse as ScanResponse,
  AdminReturnsResponse as ReturnsResponse,
  ReturnStatus,
} from "../../../types/returns"
import { returnsQueryKeys } from "./query-keys"

const enc = encodeURIComponent
/** The queue shows the oldest first; a page this long holds a busy day's returns. */
const QUEUE_PAGE = 100

/** Return cases in one status, the oldest request first. */
export const useReturnsQueue = (status: ReturnStatus) =>
  useQuery({
    queryKey: returnsQueryKeys.queue(status),
    queryFn: async () => {
      const page = await sdk.client.fetch<ReturnsResponse>("/admin/oms/returns", {
        query: { status, limit: QUEUE_PAGE, offset: 0 },
      })
      return { ...page, returns: [...page.returns].sort((a, b) => b.age_hours - a.age_hours) }
    },
  })

/**
 * One case. `poll` re-reads it every 2 s while the station waits for its resolution (the
 * refund or credit happens after the inspection, in a subscriber).
 */
export const useReturnCase = (id: string | null, options: { poll?: boolean } = {}) =>
  useQuery({
    queryKey: returnsQueryKeys.case(id ?? ""),
    queryFn: () => sdk.client.fetch<ReturnResponse>(`/admin/oms/returns/${enc(id!)}`),
    enabled: !!id,
    refetchInterval: options.poll ? 2000 : false,
  })

/** The order's return cases (the widget's story) and what is still returnable. */
export const useOrderReturns = (orderId: string) =>
  useQuery({
    queryKey: returnsQueryKeys.orderReturns(orderId),
    queryFn: () => sdk.client.fetch<OrderReturnsResponse>(`/admin/oms/orders/${enc(orderId)}/returns`),
  })

const useRefreshReturns = () => {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: returnsQueryKeys.all })
}

/** The station's first scan: the RMA code on the slip or the parcel's tracking number. */
export const useReturnLookup = () =>
  useMutation({
    mutationFn: (code: string) =>
      sdk.client.fetch<LookupResponse>("/admin/oms/returns/lookup", { query: { code } }),
  })

/** The parcel is in: the case moves to receiving. */
export const useReceiveReturn = () => {
  const refresh = useRefreshReturns()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<ReturnResponse>(`/admin/oms/returns/${enc(id)}/receive`, { method: "POST", body: {} }),
    onSuccess: () => refresh(),
  })
}

/** Is this scanned item part of the return? Nothing is written. */
export const useScanReturnItem = () =>
  useMutation({
    mutationFn: ({ id, code }: { id: string; code: string }) =>
      sdk.client.fetch<ScanResponse>(`/admin/oms/returns/${enc(id)}/scan`, { method: "POST", body: { code } }),
  })

/** Every unit graded; restocks, write-offs and the resolution follow on the server. */
export const useInspectReturn = () => {
  const refresh = useRefreshReturns()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InspectPayload }) =>
      sdk.client.fetch<ReturnResponse>(`/admin/oms/returns/${enc(id)}/inspect`, { method: "POST", body }),
    onSuccess: () => refresh(),
  })
}

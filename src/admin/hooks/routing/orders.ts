import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminOrderReservationsResponse as OrderReservations } from "../../../types/foundation"
import type {
  AdminMoveLinesPayload,
  AdminRejectLinesPayload,
  AdminRoutingDecision as RoutingDecision,
  RejectReason,
} from "../../../types/routing"
import { omsQueryKeys } from "../query-keys"

/** GET /admin/oms/orders/:id/routing, with a 404 ("not routed yet") turned into `null`. */
export type OrderRouting = { decision: RoutingDecision | null }

/** While an order has no decision yet (it is routed in the background after placement), ask again this often. */
const NOT_ROUTED_POLL_MS = 3_000
/** ... and stop asking after this many answers (about two minutes). */
const NOT_ROUTED_POLL_LIMIT = 40

const isNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404

/** Where an order's units are reserved, per location, and which lines are not reserved. */
export const useOrderReservations = (orderId: string | undefined) =>
  useQuery({
    queryKey: omsQueryKeys.orderReservations(orderId ?? ""),
    queryFn: () =>
      sdk.client.fetch<OrderReservations>(
        `/admin/oms/orders/${encodeURIComponent(orderId as string)}/reservations`
      ),
    enabled: Boolean(orderId),
  })

/**
 * The order's routing decision, or `decision: null` while it has none (the server answers 404
 * then). Orders are routed in the background when placed, so a missing decision is asked for
 * again every few seconds for a while.
 */
export const useOrderRouting = (orderId: string | undefined) =>
  useQuery({
    queryKey: omsQueryKeys.orderRouting(orderId ?? ""),
    queryFn: async (): Promise<OrderRouting> => {
      try {
        return await sdk.client.fetch<{ decision: RoutingDecision }>(
          `/admin/oms/orders/${encodeURIComponent(orderId as string)}/routing`
        )
      } catch (error) {
        if (isNotFound(error)) return { decision: null }
        throw error
      }
    },
    enabled: Boolean(orderId),
    refetchInterval: (query) =>
      query.state.data && query.state.data.decision === null && query.state.dataUpdateCount < NOT_ROUTED_POLL_LIMIT
        ? NOT_ROUTED_POLL_MS
        : false,
  })

/** Routes the order again on current stock and profiles; refreshes its routing and reservations. */
export const useRerouteOrder = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ decision: RoutingDecision }>(`/admin/oms/orders/${encodeURIComponent(orderId)}/route`, {
        method: "POST",
        body: {},
      }),
    onSuccess: async ({ decision }) => {
      queryClient.setQueryData<OrderRouting>(omsQueryKeys.orderRouting(orderId), { decision })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderRouting(orderId) }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderReservations(orderId) }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.overview() }),
      ])
    },
  })
}

export type { RejectReason }

/** After a change to an order's allocation: its routing, reservations, the counts and the queue. */
const refreshOrder = (queryClient: ReturnType<typeof useQueryClient>, orderId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderRouting(orderId) }),
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderReservations(orderId) }),
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.overview() }),
    queryClient.invalidateQueries({ queryKey: omsQueryKeys.queue() }),
  ])

/** A location rejects lines (with a reason); the server routes the order again without it. */
export const useRejectLines = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminRejectLinesPayload) =>
      sdk.client.fetch<{ decision: RoutingDecision }>(`/admin/oms/orders/${encodeURIComponent(orderId)}/reject`, {
        method: "POST",
        body,
      }),
    onSuccess: async ({ decision }) => {
      queryClient.setQueryData<OrderRouting>(omsQueryKeys.orderRouting(orderId), { decision })
      await refreshOrder(queryClient, orderId)
    },
  })
}

/** Moves lines' reservations to another location (the server checks its free stock). */
export const useMoveLines = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminMoveLinesPayload) =>
      sdk.client.fetch<{ decision: RoutingDecision }>(`/admin/oms/orders/${encodeURIComponent(orderId)}/move`, {
        method: "POST",
        body,
      }),
    onSuccess: async ({ decision }) => {
      queryClient.setQueryData<OrderRouting>(omsQueryKeys.orderRouting(orderId), { decision })
      await refreshOrder(queryClient, orderId)
    },
  })
}

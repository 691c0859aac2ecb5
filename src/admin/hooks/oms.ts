import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  LocationProfileUpdate,
  OmsLocation,
  OmsLocationsResponse,
  OmsOverview,
  OrderReservations,
  OrderRouting,
  RoutingDecision,
} from "../lib/types"

/** Query keys of the OMS admin data; one root so a mutation can refresh what it touched. */
export const omsQueryKeys = {
  all: ["oms"] as const,
  overview: () => [...omsQueryKeys.all, "overview"] as const,
  locations: () => [...omsQueryKeys.all, "locations"] as const,
  orderReservations: (orderId: string) => [...omsQueryKeys.all, "orders", orderId, "reservations"] as const,
  orderRouting: (orderId: string) => [...omsQueryKeys.all, "orders", orderId, "routing"] as const,
}

/** While an order has no decision yet (it is routed in the background after placement), ask again this often. */
const NOT_ROUTED_POLL_MS = 3_000
/** ... and stop asking after this many answers (about two minutes). */
const NOT_ROUTED_POLL_LIMIT = 40

const isNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404

/** Orders today, fulfillment counts and stock per location. */
export const useOmsOverview = () =>
  useQuery({
    queryKey: omsQueryKeys.overview(),
    queryFn: () => sdk.client.fetch<OmsOverview>("/admin/oms/overview"),
  })

/** Stock locations with their routing profiles. */
export const useOmsLocations = () =>
  useQuery({
    queryKey: omsQueryKeys.locations(),
    queryFn: () => sdk.client.fetch<OmsLocationsResponse>("/admin/oms/locations"),
  })

/** Changes a location's routing profile; refreshes locations and the overview on success. */
export const useUpdateLocationProfile = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: LocationProfileUpdate }) =>
      sdk.client.fetch<{ location: OmsLocation }>(`/admin/oms/locations/${encodeURIComponent(id)}`, {
        method: "POST",
        body: update,
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.locations() }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.overview() }),
      ])
    },
  })
}

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

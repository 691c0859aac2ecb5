import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  LocationProfileUpdate,
  OmsLocation,
  OmsLocationsResponse,
  OmsOverview,
  OrderReservations,
} from "../lib/types"

/** Query keys of the OMS admin data; one root so a mutation can refresh what it touched. */
export const omsQueryKeys = {
  all: ["oms"] as const,
  overview: () => [...omsQueryKeys.all, "overview"] as const,
  locations: () => [...omsQueryKeys.all, "locations"] as const,
  orderReservations: (orderId: string) => [...omsQueryKeys.all, "orders", orderId, "reservations"] as const,
}

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

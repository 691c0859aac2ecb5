import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { fetchEveryPage } from "../../lib/every-page"
import { sdk } from "../../lib/sdk"
import type {
  AdminBuyOrderLabelPayload as BuyLabel,
  AdminLabelResponse as LabelResponse,
  AdminLabelTrackingResponse as TrackingResponse,
  AdminOrderLabelRatesResponse as RatesResponse,
  AdminOrderLabelsResponse as LabelsResponse,
  AdminPlayTrackingPayload as PlayTracking,
  AdminReturnLabelPayload as ReturnLabel,
} from "../../../types/shipping"
import { shippingQueryKeys } from "./query-keys"

const enc = encodeURIComponent

/** Every label purchase of an order (voided and failed ones too), newest first. */
export const useOrderLabels = (orderId: string | undefined) =>
  useQuery({
    queryKey: shippingQueryKeys.orderLabels(orderId ?? ""),
    queryFn: () => fetchEveryPage<LabelsResponse>(`/admin/oms/orders/${enc(orderId as string)}/labels`, "labels"),
    enabled: Boolean(orderId),
  })

/** What an account quotes for a fulfillment, cheapest first, and which one rate shopping buys. */
export const useLabelRates = (orderId: string, fulfillmentId: string, accountId: string) =>
  useQuery({
    queryKey: shippingQueryKeys.rates(orderId, fulfillmentId, accountId),
    queryFn: () =>
      sdk.client.fetch<RatesResponse>(`/admin/oms/orders/${enc(orderId)}/labels/rates`, {
        query: { fulfillment_id: fulfillmentId, carrier_account_id: accountId },
      }),
    enabled: Boolean(orderId && fulfillmentId && accountId),
    retry: false,
    staleTime: 60_000,
  })

/**
 * After a label changes, its order's labels and Medusa's own order (fulfillments, their
 * labels, shipped and delivered) are read again, so the order page around the widget agrees.
 */
const useRefreshOrder = (orderId: string) => {
  const queryClient = useQueryClient()
  return () => {
    // Medusa's order is large and not what the button changed on screen: not awaited, so the
    // button is done as soon as the labels are read again.
    void queryClient.invalidateQueries({ queryKey: ["orders"] })
    return queryClient.invalidateQueries({ queryKey: shippingQueryKeys.orderLabels(orderId) })
  }
}

/** Buys the label of one of the order's fulfillments; a fulfillment that has one gets it back. */
export const useBuyLabel = (orderId: string) => {
  const refresh = useRefreshOrder(orderId)
  return useMutation({
    mutationFn: (body: BuyLabel) =>
      sdk.client.fetch<LabelResponse>(`/admin/oms/orders/${enc(orderId)}/labels`, { method: "POST", body }),
    onSuccess: () => refresh(),
  })
}

export const useVoidLabel = (orderId: string) => {
  const refresh = useRefreshOrder(orderId)
  return useMutation({
    mutationFn: (labelId: string) =>
      sdk.client.fetch<LabelResponse>(`/admin/oms/orders/${enc(orderId)}/labels/${enc(labelId)}/void`, {
        method: "POST",
        body: {},
      }),
    onSuccess: () => refresh(),
  })
}

/** A return label for a parcel (one, however often asked). */
export const useReturnLabel = (orderId: string) => {
  const refresh = useRefreshOrder(orderId)
  return useMutation({
    mutationFn: ({ labelId, body }: { labelId: string; body?: ReturnLabel }) =>
      sdk.client.fetch<LabelResponse>(`/admin/oms/orders/${enc(orderId)}/labels/${enc(labelId)}/return`, {
        method: "POST",
        body: body ?? {},
      }),
    onSuccess: () => refresh(),
  })
}

/** A parcel's journey, oldest step first. */
export const useLabelTracking = (labelId: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: shippingQueryKeys.tracking(labelId),
    queryFn: () => sdk.client.fetch<TrackingResponse>(`/admin/oms/labels/${enc(labelId)}/tracking`),
    enabled,
  })

/** The offline carrier moves the parcel one step; its signed webhook is processed before the answer. */
export const usePlayTracking = (orderId: string, labelId: string) => {
  const queryClient = useQueryClient()
  const refresh = useRefreshOrder(orderId)
  return useMutation({
    mutationFn: (body: PlayTracking) =>
      sdk.client.fetch<TrackingResponse>(`/admin/oms/labels/${enc(labelId)}/tracking/play`, { method: "POST", body }),
    onSuccess: (answer) => {
      queryClient.setQueryData(shippingQueryKeys.tracking(labelId), answer)
      return refresh()
    },
  })
}

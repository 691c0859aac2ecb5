import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { ShippingOptionChoice } from "../../lib/medusa-types"
import type {
  AdminOrderPickingResponse as OrderPicking,
  AdminPackDetailResponse as PackDetail,
  AdminPackOrderPayload as PackRequest,
  AdminPackOrderResponse as PackResponse,
  ScanEvent,
  AdminScanResponse as ScanResponse,
  WaveDetail,
  AdminWaveFiltersPayload as WaveFilters,
  AdminWavePreviewResponse as WavePreview,
  WaveSummary,
} from "../../../types/picking"
import { pickingQueryKeys } from "./query-keys"
import type { WaveListFilters } from "./query-keys"

const enc = encodeURIComponent

/** Waves, newest first, optionally of one status or location. */
export const useWaves = (filters: WaveListFilters) =>
  useQuery({
    queryKey: pickingQueryKeys.waves(filters),
    queryFn: () =>
      sdk.client.fetch<{ waves: WaveSummary[] }>("/admin/oms/waves", {
        query: Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
      }),
    placeholderData: keepPreviousData,
  })

/** One wave with its pick list, scan position, progress and orders. */
export const useWave = (id: string | undefined) =>
  useQuery({
    queryKey: pickingQueryKeys.wave(id ?? ""),
    queryFn: () => sdk.client.fetch<{ wave: WaveDetail }>(`/admin/oms/waves/${enc(id as string)}`),
    enabled: Boolean(id),
  })

/**
 * How many orders, lines and units the filters select right now; `null` filters (no location
 * chosen yet) ask nothing. Keeps the last answer on screen while the next one loads.
 */
export const useWavePreview = (filters: WaveFilters | null) =>
  useQuery({
    queryKey: pickingQueryKeys.preview(filters),
    queryFn: () =>
      sdk.client.fetch<WavePreview>("/admin/oms/waves/preview", { method: "POST", body: filters as WaveFilters }),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  })

const useRefreshWaves = () => {
  const queryClient = useQueryClient()
  return (waveId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: pickingQueryKeys.wavesRoot() }),
      waveId ? queryClient.invalidateQueries({ queryKey: pickingQueryKeys.wave(waveId) }) : undefined,
    ])
}

export const useCreateWave = () => {
  const refresh = useRefreshWaves()
  return useMutation({
    mutationFn: (filters: WaveFilters) =>
      sdk.client.fetch<{ wave: WaveSummary }>("/admin/oms/waves", { method: "POST", body: filters }),
    onSuccess: () => refresh(),
  })
}

/** Start picking or cancel a wave. */
export const useWaveAction = (waveId: string) => {
  const refresh = useRefreshWaves()
  return useMutation({
    mutationFn: (action: "start" | "cancel") =>
      sdk.client.fetch<{ wave: WaveSummary }>(`/admin/oms/waves/${enc(waveId)}/${action}`, {
        method: "POST",
        body: {},
      }),
    onSuccess: () => refresh(waveId),
  })
}

/**
 * One scan at the shelf. The answer carries the new position; it is written into the cached
 * wave at once so the next scan is read against it, then the wave is fetched again.
 */
export const useScan = (waveId: string) => {
  const queryClient = useQueryClient()
  const refresh = useRefreshWaves()
  return useMutation({
    mutationFn: (event: ScanEvent) =>
      sdk.client.fetch<ScanResponse>(`/admin/oms/waves/${enc(waveId)}/scan`, { method: "POST", body: event }),
    onSuccess: ({ progress, scan }) => {
      queryClient.setQueryData<{ wave: WaveDetail }>(pickingQueryKeys.wave(waveId), (current) =>
        current ? { wave: { ...current.wave, progress, scan } } : current
      )
      void refresh(waveId)
    },
  })
}

/** What goes into one order's parcel. */
export const usePack = (waveId: string, orderId: string) =>
  useQuery({
    queryKey: pickingQueryKeys.pack(waveId, orderId),
    queryFn: () => sdk.client.fetch<PackDetail>(`/admin/oms/waves/${enc(waveId)}/orders/${enc(orderId)}/pack`),
  })

export const usePackOrder = (waveId: string, orderId: string) => {
  const queryClient = useQueryClient()
  const refresh = useRefreshWaves()
  return useMutation({
    mutationFn: (body: PackRequest) =>
      sdk.client.fetch<PackResponse>(`/admin/oms/waves/${enc(waveId)}/orders/${enc(orderId)}/pack`, {
        method: "POST",
        body,
      }),
    onSuccess: () =>
      Promise.all([
        refresh(waveId),
        queryClient.invalidateQueries({ queryKey: pickingQueryKeys.pack(waveId, orderId) }),
        queryClient.invalidateQueries({ queryKey: pickingQueryKeys.orderPicking(orderId) }),
      ]),
  })
}

/** Whether an order is in a wave, picked, packed. */
export const useOrderPicking = (orderId: string | undefined) =>
  useQuery({
    queryKey: pickingQueryKeys.orderPicking(orderId ?? ""),
    queryFn: () => sdk.client.fetch<OrderPicking>(`/admin/oms/orders/${enc(orderId as string)}/picking`),
    enabled: Boolean(orderId),
  })

/** A return option carries the rule is_return = true (the value may come JSON-encoded). */
const isReturnOption = (option: ShippingOptionChoice) =>
  (option.rules ?? []).some((rule) => rule.attribute === "is_return" && String(rule.value).replace(/"/g, "") === "true")

/** The shipping options that ship from a location (returns left out), for the wave filters. */
export const useLocationShippingOptions = (locationId: string) =>
  useQuery({
    queryKey: pickingQueryKeys.shippingOptions(locationId),
    queryFn: async () => {
      const { shipping_options } = await sdk.client.fetch<{ shipping_options: ShippingOptionChoice[] }>(
        "/admin/shipping-options",
        { query: { stock_location_id: locationId, fields: "id,name,rules.attribute,rules.value", limit: 100 } }
      )
      return { shipping_options: shipping_options.filter((option) => !isReturnOption(option)) }
    },
    enabled: Boolean(locationId),
  })

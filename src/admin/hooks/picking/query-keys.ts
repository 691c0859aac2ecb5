import type {
  AdminBinsQuery as BinsQuery,
  AdminWaveFiltersPayload as WaveFilters,
  WaveStatus,
} from "../../../types/picking"

/** Query keys of the picking pages, under the OMS root so a broad refresh reaches them too. */
export const pickingQueryKeys = {
  all: ["oms", "picking"] as const,
  waves: (filters: WaveListFilters) => [...pickingQueryKeys.all, "waves", filters] as const,
  wavesRoot: () => [...pickingQueryKeys.all, "waves"] as const,
  wave: (id: string) => [...pickingQueryKeys.all, "wave", id] as const,
  preview: (filters: WaveFilters | null) => [...pickingQueryKeys.all, "preview", filters] as const,
  pack: (waveId: string, orderId: string) => [...pickingQueryKeys.all, "pack", waveId, orderId] as const,
  bins: (query: BinsQuery) => [...pickingQueryKeys.all, "bins", query] as const,
  binsRoot: () => [...pickingQueryKeys.all, "bins"] as const,
  orderPicking: (orderId: string) => [...pickingQueryKeys.all, "order", orderId] as const,
  shippingOptions: (locationId: string) => [...pickingQueryKeys.all, "shipping-options", locationId] as const,
}

export type WaveListFilters = { status?: WaveStatus; stock_location_id?: string }

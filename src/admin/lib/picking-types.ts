/**
 * Response and request shapes of the picking admin API (src/api/admin/oms/{bins,waves}). The
 * pick list, scan and parcel shapes are the pure core's own (src/lib/picking), so they cannot drift.
 */
import type {
  Parcel,
  PickList as CorePickList,
  PickStop as CorePickStop,
  ScanEvent,
  ScanOutcome,
  ScanOutcomeCode,
  ScanPhase,
  ScanProgress,
  ToteShare,
} from "../../lib/picking"

export type WaveStatus = "open" | "picking" | "picked" | "packed" | "canceled"

export type WaveKind = "single" | "multi" | "any"

export type Bin = {
  id: string
  stock_location_id: string
  location_name: string | null
  inventory_item_id: string
  sku: string | null
  title: string | null
  code: string
  walk_sequence: number | null
  walk_sequence_source: "code" | "manual"
}

export type BinsResponse = { bins: Bin[]; count: number; limit: number; offset: number }

export type BinsQuery = {
  stock_location_id?: string
  inventory_item_id?: string
  q?: string
  limit?: number
  offset?: number
}

export type BinUpsert = {
  stock_location_id: string
  inventory_item_id: string
  code: string
  walk_sequence?: number | null
}

export type BinsImportResult = { imported: number; errors: { line: number; message: string }[] }

/** What the create-wave dialog sends, to preview and to create. */
export type WaveFilters = {
  stock_location_id: string
  shipping_option_ids?: string[]
  placed_before?: string
  kind?: WaveKind
  min_age_minutes?: number
  max_orders?: number
}

export type WavePreview = { orders: number; lines: number; units: number; order_ids: string[] }

export type WaveSummary = {
  id: string
  stock_location_id: string
  /** null when the stock location was deleted since. */
  location_name: string | null
  status: WaveStatus
  orders: number
  lines: number
  units_total: number
  units_picked: number
  units_short: number
  packed_orders: number
  created_at: string
}

export type PickBreakdown = ToteShare

/** A pick-list stop; the current stop of a wave also says how many units were counted there. */
export type PickStop = CorePickStop & { picked?: number; short?: number }

export type PickList = Omit<CorePickList, "stops"> & { stops: PickStop[] }

export type { ScanPhase, ScanProgress }

export type WaveScan = { current_stop: PickStop | null; phase: ScanPhase }

export type WaveOrderStatus = "waiting" | "picked" | "short" | "packed"

export type WaveOrder = {
  order_id: string
  display_id: number | null
  tote: number
  status: WaveOrderStatus
  fulfillment_id: string | null
  units: number
  units_short: number
}

/** The detail's `orders` lists the orders (the summary's count is `orders.length`). */
export type WaveDetail = Omit<WaveSummary, "orders"> & {
  pick_list: PickList
  progress: ScanProgress
  scan: WaveScan
  orders: WaveOrder[]
}

export type { ScanEvent, ScanOutcome, ScanOutcomeCode }

export type ScanResponse = { outcome: ScanOutcome; progress: ScanProgress; scan: WaveScan }

export type { Parcel }

export type PackItem = {
  line_item_id: string
  sku: string | null
  barcode: string | null
  title: string
  variant_title: string | null
  quantity: number
  weight: number | null
  length: number | null
  width: number | null
  height: number | null
}

export type PackStatus = "not_packed" | "packed" | string

export type PackDetail = {
  order_id: string
  display_id: number | null
  tote: number
  items: PackItem[]
  parcel: Parcel
  status: PackStatus
  fulfillment_id: string | null
}

export type PackRequest = { parcel?: Parcel; items?: { line_item_id: string; quantity: number }[] }

export type PackResponse = { pack: { id: string; status: "packed"; fulfillment_id: string }; created: boolean }

export type OrderPickStatus = "not_in_wave" | "in_wave" | "picking" | "picked" | "short"

export type OrderPicking = {
  waves: { wave_id: string; status: WaveStatus; tote: number | null; location_name: string | null }[]
  pick_status: OrderPickStatus
  pack_status: "not_packed" | "packed"
  fulfillment_ids: string[]
}

export type ShippingOptionChoice = { id: string; name: string; rules?: { attribute: string; value: unknown }[] }

export type Paper = "a4" | "letter"

/**
 * Requests and responses of picking's admin API (src/api/admin/oms/{bins,waves}, an order's
 * picking). The pick list, scan and parcel shapes are the pure core's own (src/lib/picking).
 */
import type {
  BinCsvError,
  Parcel,
  PickList as CorePickList,
  PickStop as CorePickStop,
  ScanEvent,
  ScanOutcome,
  ScanOutcomeCode,
  ScanPhase,
  ScanProgress,
  ToteShare,
  WaveFilters as CoreWaveFilters,
  WaveKind,
} from "../../lib/picking/types"
import type { PackBenchItem } from "../../lib/picking/pack-items"
import type { Paginated, Timestamp } from "../common"

export type { Parcel, ScanEvent, ScanOutcome, ScanOutcomeCode, ScanPhase, ScanProgress, WaveKind }

export type WaveStatus = "open" | "picking" | "picked" | "packed" | "canceled"

// Bins ----------------------------------------------------------------------------------------

export type Bin = {
  id: string
  stock_location_id: string
  /** null when the stock location was deleted since. */
  location_name: string | null
  inventory_item_id: string
  sku: string | null
  title: string | null
  code: string
  walk_sequence: number | null
  /** "code": derived from the bin code; "manual": set by hand (kept on import and export). */
  walk_sequence_source: "code" | "manual"
}

/** GET /admin/oms/bins */
export type AdminBinsResponse = Paginated<{ bins: Bin[] }>

export type AdminBinsQuery = {
  stock_location_id?: string
  inventory_item_id?: string
  q?: string
  limit?: number
  offset?: number
}

/** Body of POST /admin/oms/bins */
export type AdminUpsertBinPayload = {
  stock_location_id: string
  inventory_item_id: string
  code: string
  walk_sequence?: number | null
}

/** POST /admin/oms/bins */
export type AdminBinResponse = { bin: Bin }

/** POST /admin/oms/bins/import: good rows saved, bad rows reported by file line. */
export type AdminBinsImportResponse = { imported: number; errors: BinCsvError[] }

// Waves ---------------------------------------------------------------------------------------

/** Body of POST /admin/oms/waves and /admin/oms/waves/preview */
export type AdminWaveFiltersPayload = CoreWaveFilters & { stock_location_id: string }

/** POST /admin/oms/waves/preview: what a wave would take now. */
export type AdminWavePreviewResponse = { orders: number; lines: number; units: number; order_ids: string[] }

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
  created_at: Timestamp
}

/** GET /admin/oms/waves: newest first. */
export type AdminWavesResponse = Paginated<{ waves: WaveSummary[] }>

/** A pick-list stop; the current stop of a wave also says how many units were counted there. */
export type PickStop = CorePickStop & { picked?: number; short?: number }

export type PickList = Omit<CorePickList, "stops"> & { stops: PickStop[] }

export type PickBreakdown = ToteShare

export type WaveScan = { current_stop: PickStop | null; phase: ScanPhase }

export type WaveOrderStatus = "waiting" | "picked" | "short" | "packed"

export type WaveOrder = {
  order_id: string
  display_id: number | null
  tote: number
  status: WaveOrderStatus
  fulfillment_id: string | null
  /** Units the order gets from this wave now. */
  units: number
  /** Units that went back to routing after a short pick. */
  units_short: number
}

/** The detail's `orders` lists the orders (the summary's count is `orders.length`). */
export type WaveDetail = Omit<WaveSummary, "orders"> & {
  filters: Record<string, unknown>
  started_at: Timestamp | null
  picked_at: Timestamp | null
  packed_at: Timestamp | null
  canceled_at: Timestamp | null
  pick_list: PickList
  progress: ScanProgress
  scan: WaveScan
  orders: WaveOrder[]
}

/** GET /admin/oms/waves/:id, POST /admin/oms/waves, .../start, .../cancel */
export type AdminWaveResponse = { wave: WaveDetail }

/** Body of POST /admin/oms/waves/:id/scan */
export type AdminScanPayload = ScanEvent

/** POST /admin/oms/waves/:id/scan */
export type AdminScanResponse = { outcome: ScanOutcome; progress: ScanProgress; scan: WaveScan; status: WaveStatus }

// Packing -------------------------------------------------------------------------------------

/** One line on the packing bench (the pure core's shape). */
export type PackItem = PackBenchItem

export type PackStatus = WaveOrderStatus

/** GET /admin/oms/waves/:id/orders/:order_id/pack */
export type AdminPackDetailResponse = {
  order_id: string
  display_id: number | null
  tote: number
  items: PackItem[]
  parcel: Parcel
  status: PackStatus
  fulfillment_id: string | null
}

/** Body of POST /admin/oms/waves/:id/orders/:order_id/pack */
export type AdminPackOrderPayload = { parcel?: Parcel; items?: { line_item_id: string; quantity: number }[] }

/** POST /admin/oms/waves/:id/orders/:order_id/pack; asking again returns the first pack, created false. */
export type AdminPackOrderResponse = {
  pack: { id: string; status: "packed"; fulfillment_id: string | null }
  created: boolean
}

// An order's picking --------------------------------------------------------------------------

export type OrderPickStatus = "not_in_wave" | "in_wave" | "picking" | "picked" | "short"

/** GET /admin/oms/orders/:id/picking */
export type AdminOrderPickingResponse = {
  waves: { wave_id: string; status: WaveStatus; tote: number | null; location_name: string | null }[]
  pick_status: OrderPickStatus
  pack_status: "not_packed" | "packed"
  fulfillment_ids: string[]
}

export type Paper = "a4" | "letter"

/**
 * Picking vocabulary. Every type is plain JSON (no classes, no Dates) because the backend
 * stores pick lists and scan states in the wave row and the admin reads them back as they are.
 */

/** A part of a structured bin code such as `A-03-2-B` (zone A, aisle 3, shelf 2, slot B). */
export type BinSegment = "zone" | "aisle" | "shelf" | "slot"

/**
 * How a location is walked: segments from the most to the least significant.
 * `serpentine` snakes through the aisles: on even-numbered aisles everything after the aisle
 * (in `segments` order) is walked in reverse, so a picker leaves an aisle at the end they
 * entered the next one from.
 */
export type WalkOrder = { segments: BinSegment[]; serpentine?: boolean }

export type BinAddress = { zone: string; aisle: number; shelf: number; slot: string }

/** One data row of a bins CSV; `line` is the 1-based file line the row starts on. */
export type BinCsvRow = {
  line: number
  location: string
  sku: string
  bin: string
  walk_sequence: number | null
}

export type BinCsvError = { line: number; message: string }

export type BinCsvRecord = { location: string; sku: string; bin: string; walk_sequence: number | null }

/** Units of one order line at the wave's location that may go into a wave. */
export type WaveCandidateLine = {
  line_item_id: string
  inventory_item_id: string
  variant_id: string
  sku: string | null
  quantity: number
}

/** An order with the units routed to this location that are not fulfilled and not in an open wave. */
export type WaveCandidate = {
  order_id: string
  display_id: number
  /** ISO 8601 */
  placed_at: string
  shipping_option_ids: string[]
  lines: WaveCandidateLine[]
}

export type WaveKind = "single" | "multi" | "any"

export type WaveFilters = {
  shipping_option_ids?: string[]
  /** ISO 8601 cut-off: only orders placed strictly before it. */
  placed_before?: string
  /** single = exactly one unit in the order at this location, multi = more than one. */
  kind?: WaveKind
  min_age_minutes?: number
  max_orders?: number
}

export type WaveOrder = { order_id: string; display_id: number; tote: number }

export type PickListLine = {
  order_id: string
  line_item_id: string
  inventory_item_id: string
  sku: string | null
  barcode: string | null
  product_title: string
  variant_title: string | null
  quantity: number
}

export type BinPlacement = { code: string; walk_sequence: number | null }

/** Everything a wave build reads (at one location): the orders it may take, line snapshots, bins. */
export type WaveBuildSource = {
  location: { id: string; name: string }
  candidates: WaveCandidate[]
  /** Keyed by line item id: what the pick list prints about the line. */
  details: Record<string, Pick<PickListLine, "sku" | "barcode" | "product_title" | "variant_title">>
  /** Keyed by inventory item id: the item's bin at this location. */
  bins: Record<string, BinPlacement>
}

export type PickListInput = {
  wave_id: string
  location_name: string
  orders: WaveOrder[]
  lines: PickListLine[]
  /** Keyed by inventory item id; items without a bin become "no bin" stops at the end. */
  bins: Record<string, BinPlacement>
}

/** Which tote (and order line) receives how many of a stop's units. */
export type ToteShare = {
  order_id: string
  display_id: number
  tote: number
  line_item_id: string
  quantity: number
}

export type PickStop = {
  /** 0-based position in the walk. */
  index: number
  /** null: the item has no bin at this location (such stops come last). */
  bin_code: string | null
  walk_sequence: number | null
  inventory_item_id: string
  sku: string | null
  barcode: string | null
  product_title: string
  variant_title: string | null
  quantity: number
  /** Sorted by tote, then line item id. */
  breakdown: ToteShare[]
}

export type PickList = {
  wave_id: string
  location_name: string
  stops: PickStop[]
  units: number
}

export type ScanPhase = "bin" | "item" | "quantity"

export type ScanStop = {
  index: number
  bin_code: string | null
  sku: string | null
  barcode: string | null
  quantity: number
  picked: number
  short: number
  short_reason?: string
}

export type ScanState = {
  stops: ScanStop[]
  /** Index of the next stop not done; null when every stop is picked or short. */
  current: number | null
  phase: ScanPhase
}

export type ScanEvent =
  | { type: "bin"; code: string }
  | { type: "item"; code: string }
  | { type: "quantity"; quantity: number }
  | { type: "short"; quantity_found: number; reason: string }

export type ScanOutcomeCode =
  | "bin_ok"
  | "item_ok"
  | "stop_done"
  | "wave_done"
  | "wrong_bin"
  | "wrong_item"
  | "over_scan"
  | "bad_quantity"
  | "short_recorded"
  | "nothing_left"

export type ScanOutcome = {
  ok: boolean
  code: ScanOutcomeCode
  /** A sentence for the person at the shelf. */
  message: string
  stop?: number
}

export type ScanResult = { state: ScanState; outcome: ScanOutcome }

export type ScanProgress = {
  units_total: number
  units_picked: number
  units_short: number
  stops_done: number
  stops_total: number
  next_bin: string | null
}

export type ShortAllocation = { order_id: string; line_item_id: string; quantity_missing: number }

export type ParcelItem = {
  quantity: number
  weight: number | null
  length: number | null
  width: number | null
  height: number | null
}

export type Parcel = { weight: number; length: number; width: number; height: number }

export type PackItem = {
  line_item_id: string
  sku: string | null
  barcode: string | null
  quantity: number
  scanned: number
}

export type PackState = { items: PackItem[] }

export type PackOutcome = {
  ok: boolean
  code: "item_ok" | "order_complete" | "wrong_item" | "over_scan"
  message: string
  line_item_id?: string
}

export type WaveLineStatus = "waiting" | "picked" | "short" | "packed" | "canceled"

/** What the picking rules read of a stored wave line: one order line's units of one item, in one tote. */
export type WaveLineState = {
  id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  /** Units the wave still owes the order (lowered when a short pick or a re-route takes some). */
  quantity: number
  /** Units the wave was built with. */
  quantity_planned: number
  picked: number
  status: WaveLineStatus
  /** True while the wave still owns the units (open, picking, picked, not yet packed). */
  open: boolean
}

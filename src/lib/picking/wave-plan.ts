import { assignTotes } from "./totes"
import type { PickListInput, WaveBuildSource, WaveFilters, WaveOrder } from "./types"
import { selectWaveOrders } from "./wave-selection"

/** One wave line to store: an order line's units of one inventory item, and its tote. */
export type PlannedWaveLine = {
  order_id: string
  line_item_id: string
  inventory_item_id: string
  variant_id: string | null
  sku: string | null
  quantity: number
  tote: number
}

export type WavePlan = {
  stock_location_id: string
  location_name: string
  orders: WaveOrder[]
  lines: PlannedWaveLine[]
  counts: { orders: number; lines: number; units: number }
}

/** Which orders a wave takes (oldest first, filtered) and their totes; no I/O. */
export function planWave(source: WaveBuildSource, filters: WaveFilters, now: Date): WavePlan {
  const selected = selectWaveOrders(source.candidates, filters, now)
  const totes = assignTotes(selected)
  const orders = selected.map((c) => ({ order_id: c.order_id, display_id: c.display_id, tote: totes[c.order_id] }))
  const lines = selected.flatMap((c) =>
    c.lines.map((l) => ({
      order_id: c.order_id,
      line_item_id: l.line_item_id,
      inventory_item_id: l.inventory_item_id,
      variant_id: l.variant_id ?? null,
      sku: l.sku,
      quantity: l.quantity,
      tote: totes[c.order_id],
    }))
  )
  return {
    stock_location_id: source.location.id,
    location_name: source.location.name,
    orders,
    lines,
    counts: { orders: orders.length, lines: lines.length, units: lines.reduce((s, l) => s + l.quantity, 0) },
  }
}

/** What buildPickList needs for a planned wave. */
export function pickListInput(source: WaveBuildSource, plan: WavePlan, waveId: string): PickListInput {
  return {
    wave_id: waveId,
    location_name: plan.location_name,
    orders: plan.orders,
    lines: plan.lines.map((l) => {
      const detail = source.details[l.line_item_id]
      return {
        order_id: l.order_id,
        line_item_id: l.line_item_id,
        inventory_item_id: l.inventory_item_id,
        sku: detail?.sku ?? l.sku,
        barcode: detail?.barcode ?? null,
        product_title: detail?.product_title ?? "",
        variant_title: detail?.variant_title ?? null,
        quantity: l.quantity,
      }
    }),
    bins: source.bins,
  }
}

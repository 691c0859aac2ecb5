import { assignTotes, buildPickList, type PickListInput, type PickListLine, type WaveCandidate } from ".."

type Wanted = { order: string; sku: string; quantity: number; line?: string }

/** A wave from a compact description: which order wants how many of which SKU, and where each SKU lives. */
export function wave(wanted: Wanted[], bins: Record<string, string | null>, sequences: Record<string, number> = {}): PickListInput {
  const orderIds = [...new Set(wanted.map((w) => w.order))]
  const totes = assignTotes(orderIds.map((order_id) => ({ order_id })))
  const lines: PickListLine[] = wanted.map((w, i) => ({
    order_id: w.order,
    line_item_id: w.line ?? `line_${w.order}_${w.sku}_${i}`,
    inventory_item_id: `iitem_${w.sku}`,
    sku: w.sku,
    barcode: `40000000${String(i).padStart(5, "0")}`,
    product_title: `Product ${w.sku}`,
    variant_title: "One size",
    quantity: w.quantity,
  }))
  return {
    wave_id: "owave_TEST",
    location_name: "Newark DC",
    orders: orderIds.map((order_id, i) => ({ order_id, display_id: 1001 + i, tote: totes[order_id] })),
    lines,
    bins: Object.fromEntries(
      Object.entries(bins)
        .filter((entry): entry is [string, string] => entry[1] !== null)
        .map(([sku, code]) => [`iitem_${sku}`, { code, walk_sequence: sequences[sku] ?? null }])
    ),
  }
}

export const pickList = (...args: Parameters<typeof wave>) => buildPickList(wave(...args))

/** An order waiting at a location: one line per entry of `units` (item i, SKU-i), shipping with `shipping`. */
export function waveCandidate(display_id: number, placed_at: string, units: number[], shipping = "so_standard"): WaveCandidate {
  return {
    order_id: `order_${display_id}`,
    display_id,
    placed_at,
    shipping_option_ids: [shipping],
    lines: units.map((quantity, i) => ({
      line_item_id: `li_${display_id}_${i}`,
      inventory_item_id: `iitem_${i}`,
      variant_id: `variant_${i}`,
      sku: `SKU-${i}`,
      quantity,
    })),
  }
}

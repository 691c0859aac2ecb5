import { prng } from "../../scripts/seed/catalog"
import { assignTotes, binWalkSequence, buildPickList, type PickList, type PickListLine } from "../../src/lib/picking"

export type SyntheticWave = { orders: number; lines: number; skus: number; seed?: number }

/**
 * A wave of `orders` orders and `lines` lines over a catalogue of `skus` items, each in its
 * own bin (zones A-D, aisles 1-40, shelves 1-6, slots A-D); popular items are ordered more often.
 */
export function syntheticPickList({ orders, lines, skus, seed = 42 }: SyntheticWave): PickList {
  const next = prng(seed) // the seed catalogue's mulberry32, so every run renders the same wave
  const orderIds = Array.from({ length: orders }, (_, i) => ({ order_id: `order_${String(i).padStart(6, "0")}`, display_id: 10_001 + i }))
  const totes = assignTotes(orderIds)
  const items = Array.from({ length: skus }, (_, i) => {
    const code = `${"ABCD"[i % 4]}-${String(1 + (Math.floor(i / 4) % 40)).padStart(2, "0")}-${1 + (Math.floor(i / 160) % 6)}-${"ABCD"[Math.floor(i / 960) % 4]}`
    return {
      inventory_item_id: `iitem_${i}`,
      sku: `SKU-${String(i).padStart(5, "0")}-${["BLK", "WHT", "RED", "BLU"][i % 4]}`,
      barcode: String(4_000_000_000_000 + i * 7),
      product_title: `Product ${i} ${["Mug", "T-Shirt", "Cap", "Bottle", "Socks"][i % 5]}`,
      variant_title: ["S", "M", "L", "XL"][i % 4],
      bin: code,
    }
  })
  const pickLines: PickListLine[] = []
  for (let l = 0; l < lines; l++) {
    // Every order gets at least one line; the rest land on random orders.
    const order = orderIds[l < orders ? l : Math.floor(next() * orders)]
    const item = items[Math.floor(Math.pow(next(), 2) * skus)] // skewed towards the first items
    pickLines.push({
      order_id: order.order_id,
      line_item_id: `line_${l}`,
      inventory_item_id: item.inventory_item_id,
      sku: item.sku,
      barcode: item.barcode,
      product_title: item.product_title,
      variant_title: item.variant_title,
      quantity: 1 + Math.floor(next() * 3),
    })
  }
  return buildPickList({
    wave_id: "owave_01BENCHWAVE000000000000000",
    location_name: "Bench Fulfilment Centre",
    orders: orderIds.map((o) => ({ ...o, tote: totes[o.order_id] })),
    lines: pickLines,
    bins: Object.fromEntries(items.map((i) => [i.inventory_item_id, { code: i.bin, walk_sequence: binWalkSequence(i.bin) }])),
  })
}

import { assignTotes, binWalkSequence, buildPickList, type PickList, type PickListLine } from "../../picking"
import type { PackingSlip } from ".."

const catalogue = [
  { sku: "MUG-BLUE-350", title: "Enamel Camping Mug", variant: "Blue / 350 ml", barcode: "4006381333931", bin: "A-01-1-A" },
  { sku: "TEE-ORG-M", title: "Organic Cotton T-Shirt", variant: "Medium / Forest Green", barcode: "5012345678900", bin: "A-01-3-B" },
  { sku: "CAP-WOOL-GRY", title: "Wool Cap", variant: "Grey", barcode: null, bin: "A-02-4-A" },
  { sku: "BOTTLE-STEEL-750", title: "Insulated Steel Water Bottle with a Very Long Product Name for Wrapping", variant: "750 ml / Matte Black", barcode: "0012345678905", bin: "A-02-1-C" },
  { sku: "SOCK-3PK-L", title: "Hiking Socks (3-pack)", variant: "Large", barcode: "7311111111112", bin: "B-01-2-A" },
  { sku: "LOOSE-STICKER", title: "Sticker Sheet", variant: null, barcode: null, bin: null },
]

/** A small wave over six items, one of them without a bin, eight orders. */
export function sampleWave(): PickList {
  const orders = Array.from({ length: 8 }, (_, i) => ({ order_id: `order_${i + 1}`, display_id: 1001 + i }))
  const totes = assignTotes(orders)
  const lines: PickListLine[] = []
  orders.forEach((order, o) => {
    catalogue.forEach((item, c) => {
      if ((o + c) % 3 === 0 || (c === 0 && o < 6)) {
        lines.push({
          order_id: order.order_id,
          line_item_id: `line_${o}_${c}`,
          inventory_item_id: `iitem_${item.sku}`,
          sku: item.sku,
          barcode: item.barcode,
          product_title: item.title,
          variant_title: item.variant,
          quantity: 1 + ((o + c) % 3),
        })
      }
    })
  })
  return buildPickList({
    wave_id: "owave_01JX3Q7W2ZB9K4M8T6R5N1P0AC",
    location_name: "Newark DC",
    orders: orders.map((o) => ({ ...o, tote: totes[o.order_id] })),
    lines,
    bins: Object.fromEntries(
      catalogue.filter((c) => c.bin).map((c) => [`iitem_${c.sku}`, { code: c.bin!, walk_sequence: binWalkSequence(c.bin!) }])
    ),
  })
}

/** A wave big enough to need several pages, with one stop whose totes overflow a page. */
export function bigWave(stops: number, busyStopOrders: number): PickList {
  const orders = Array.from({ length: busyStopOrders }, (_, i) => ({ order_id: `order_${i}`, display_id: 2000 + i, tote: i + 1 }))
  const lines: PickListLine[] = []
  for (let s = 0; s < stops; s++) {
    const owners = s === 1 ? orders : [orders[s % orders.length]]
    for (const order of owners) {
      lines.push({
        order_id: order.order_id,
        line_item_id: `line_${s}_${order.order_id}`,
        inventory_item_id: `iitem_${s}`,
        sku: `SKU-${String(s).padStart(4, "0")}`,
        barcode: null,
        product_title: `Product ${s}`,
        variant_title: "Default",
        quantity: 1,
      })
    }
  }
  const bins: Record<string, { code: string; walk_sequence: number | null }> = {}
  for (let s = 0; s < stops; s++) {
    const code = `C-${String(1 + Math.floor(s / 20)).padStart(2, "0")}-${1 + (s % 5)}-${String.fromCharCode(65 + Math.floor(s / 5) % 4)}`
    bins[`iitem_${s}`] = { code, walk_sequence: binWalkSequence(code) }
  }
  return buildPickList({ wave_id: "owave_BIG", location_name: "Reno Fulfilment Centre", orders, lines, bins })
}

export function sampleSlip(): PackingSlip {
  return {
    order_display_id: 1003,
    order_id: "order_01JX3Q9A7D2C6V8B4N1M0K5H3G",
    wave_id: "owave_01JX3Q7W2ZB9K4M8T6R5N1P0AC",
    tote: 3,
    location_name: "Newark DC",
    ship_to: {
      name: "Zoë Łukasiewicz",
      company: "Trailhead Outfitters",
      address_1: "221 Harbor Street",
      address_2: "Suite 4B",
      city: "Boston",
      province: "MA",
      postal_code: "02110",
      country_code: "us",
      phone: "+1 617 555 0100",
    },
    items: catalogue.slice(0, 4).map((c, i) => ({ sku: c.sku, title: c.title, variant_title: c.variant, quantity: i + 1, barcode: c.barcode })),
    generated_at: "2025-06-02T14:05:00Z",
  }
}

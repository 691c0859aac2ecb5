import type { PickList, PickListInput, PickListLine, PickStop, ToteShare, WaveOrder } from "./types"
import { compareStops } from "./walk-order"

/**
 * One stop per (bin, inventory item): the total to take from the shelf and how it splits over
 * the totes. Stops are numbered in walk order; items without a bin come last.
 */
export function buildPickList(input: PickListInput): PickList {
  const orders = new Map(input.orders.map((o) => [o.order_id, o]))
  const stops = new Map<string, Omit<PickStop, "index">>()

  for (const line of input.lines) {
    if (line.quantity <= 0) continue
    const order = orders.get(line.order_id)
    if (!order) throw new Error(`Line ${line.line_item_id} belongs to order ${line.order_id}, which is not in wave ${input.wave_id}`)
    const bin = input.bins[line.inventory_item_id] ?? null
    const key = JSON.stringify([bin?.code ?? null, line.inventory_item_id])
    const stop = stops.get(key) ?? newStop(line, bin)
    stop.quantity += line.quantity
    stop.breakdown.push(share(order, line))
    stop.sku ??= line.sku
    stop.barcode ??= line.barcode
    stops.set(key, stop)
  }

  const walked = [...stops.values()].sort(compareStops).map((stop, index) => ({
    index,
    ...stop,
    breakdown: stop.breakdown.sort(byTote),
  }))
  return {
    wave_id: input.wave_id,
    location_name: input.location_name,
    stops: walked,
    units: walked.reduce((sum, s) => sum + s.quantity, 0),
  }
}

function newStop(line: PickListLine, bin: PickListInput["bins"][string] | null): Omit<PickStop, "index"> {
  return {
    bin_code: bin?.code ?? null,
    walk_sequence: bin?.walk_sequence ?? null,
    inventory_item_id: line.inventory_item_id,
    sku: line.sku,
    barcode: line.barcode,
    product_title: line.product_title,
    variant_title: line.variant_title,
    quantity: 0,
    breakdown: [],
  }
}

function share(order: WaveOrder, line: PickListLine): ToteShare {
  return {
    order_id: order.order_id,
    display_id: order.display_id,
    tote: order.tote,
    line_item_id: line.line_item_id,
    quantity: line.quantity,
  }
}

function byTote(a: ToteShare, b: ToteShare): number {
  return a.tote - b.tote || (a.line_item_id < b.line_item_id ? -1 : a.line_item_id > b.line_item_id ? 1 : 0)
}

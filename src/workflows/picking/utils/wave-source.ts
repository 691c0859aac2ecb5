import { IInventoryService, IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { BinPlacement, WaveCandidate } from "../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { plannerLineId, splitPlannerLineId } from "../../../lib/order"

/** What a pick list prints about one order line (the order's own snapshot of the product). */
export type LineDetail = {
  sku: string | null
  barcode: string | null
  product_title: string
  variant_title: string | null
}

/** Everything a wave build reads, loaded in two rounds of batched queries. */
export type WaveSource = {
  location: { id: string; name: string }
  /** Orders with units routed here that are reserved, not fulfilled and not in an open wave. */
  candidates: WaveCandidate[]
  /** Keyed by line item id. */
  details: Record<string, LineDetail>
  /** Keyed by inventory item id: the item's bin at this location. */
  bins: Record<string, BinPlacement>
}

/**
 * Reads what a wave at one stock location can take. The number of queries does not depend on
 * how many orders wait there (the picking benchmark counts them): round one reads the location,
 * what routing planned there and is still open (the routing module's `listOpenAllocationsAt`),
 * the reservations held there and the lines open waves already hold; round two the candidate orders (placed at, shipping methods), their line items'
 * snapshots (SKU, barcode, titles) and the bins of their items.
 *
 * A line's units = what routing planned at this location, capped by what is still reserved
 * there (fulfilment consumes reservations, so fulfilled units drop out), and none when an open
 * wave already holds the line at this location.
 */
export async function loadWaveSource(container: MedusaContainer, stockLocationId: string): Promise<WaveSource> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const picking = container.resolve<PickingModuleService>(PICKING_MODULE)

  const [locations, allocations, reservations, taken] = await Promise.all([
    query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: stockLocationId } }),
    // Settled decisions (every unit fulfilled) are left out, so this read does not grow with history.
    routing.listOpenAllocationsAt(stockLocationId),
    inventory.listReservationItems(
      { location_id: stockLocationId },
      { select: ["line_item_id", "inventory_item_id", "quantity"], take: null }
    ),
    picking.listWaveLines(
      { stock_location_id: stockLocationId, open: true },
      { select: ["line_item_id", "inventory_item_id"], take: null }
    ),
  ])
  const location = locations.data[0] as { id: string; name: string } | undefined
  if (!location) {
    // The location comes from the request body: an unknown one is bad input (400), not a missing page.
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stock location with id: ${stockLocationId} was not found`)
  }

  const reserved = new Map<string, number>()
  for (const r of reservations) {
    if (!r.line_item_id) continue
    const k = plannerLineId(r.line_item_id, r.inventory_item_id)
    reserved.set(k, (reserved.get(k) ?? 0) + Number(r.quantity))
  }
  const inOpenWave = new Set(taken.map((l) => plannerLineId(l.line_item_id, l.inventory_item_id)))

  // Units per order and planner line (line item, inventory item) that this location may pick now.
  const units = new Map<string, Map<string, number>>()
  for (const allocation of allocations) {
    if (inOpenWave.has(allocation.line_id)) continue
    const perLine = units.get(allocation.order_id) ?? new Map<string, number>()
    perLine.set(allocation.line_id, (perLine.get(allocation.line_id) ?? 0) + allocation.quantity)
    units.set(allocation.order_id, perLine)
  }
  for (const [orderId, perLine] of units) {
    for (const [k, planned] of perLine) {
      const open = Math.min(planned, reserved.get(k) ?? 0)
      if (open > 0) perLine.set(k, open)
      else perLine.delete(k)
    }
    if (!perLine.size) units.delete(orderId)
  }

  const orderIds = [...units.keys()]
  const plannerLines = [...units.values()].flatMap((m) => [...m.keys()].map(splitPlannerLineId))
  const inventoryItemIds = [...new Set(plannerLines.map((l) => l.inventory_item_id))]
  // Orders and their line items are read apart: the graph's `items.*` joins every item table
  // and costs seconds for a thousand orders, while the order module's line-item list reads the
  // snapshot a pick list needs in one query (see docs/benchmarks.md, picking).
  const lineItemIds = [...new Set(plannerLines.map((l) => l.line_item_id))]
  const [orders, lineItems, bins] = await Promise.all([
    orderIds.length
      ? query
          .graph({
            entity: "order",
            fields: ["id", "display_id", "status", "created_at", "shipping_methods.shipping_option_id"],
            filters: { id: orderIds },
          })
          .then((r) => r.data as any[])
      : Promise.resolve([] as any[]),
    lineItemIds.length
      ? container
          .resolve<IOrderModuleService>(Modules.ORDER)
          .listOrderLineItems(
            { id: lineItemIds },
            {
              select: ["id", "title", "variant_id", "variant_sku", "variant_barcode", "product_title", "variant_title"],
              take: null,
            }
          )
      : Promise.resolve([]),
    inventoryItemIds.length
      ? picking.listBins(
          { stock_location_id: stockLocationId, inventory_item_id: inventoryItemIds },
          { select: ["inventory_item_id", "code", "walk_sequence"], take: null }
        )
      : Promise.resolve([]),
  ])

  const itemsById = new Map<string, any>(lineItems.map((i) => [i.id, i]))
  const candidates: WaveCandidate[] = []
  const details: Record<string, LineDetail> = {}
  for (const order of orders) {
    if (!order || order.status === "canceled" || order.status === "draft") continue
    const perLine = units.get(order.id)!
    const lines: WaveCandidate["lines"] = []
    for (const [k, quantity] of perLine) {
      const { line_item_id, inventory_item_id } = splitPlannerLineId(k)
      const item = itemsById.get(line_item_id)
      if (!item) continue
      lines.push({ line_item_id, inventory_item_id, variant_id: item.variant_id, sku: item.variant_sku ?? null, quantity })
      details[line_item_id] = {
        sku: item.variant_sku ?? null,
        barcode: item.variant_barcode ?? null,
        product_title: item.product_title ?? item.title ?? "",
        variant_title: item.variant_title ?? null,
      }
    }
    if (!lines.length) continue
    candidates.push({
      order_id: order.id,
      display_id: Number(order.display_id),
      placed_at: new Date(order.created_at).toISOString(),
      shipping_option_ids: ((order.shipping_methods ?? []) as any[]).map((m) => m?.shipping_option_id).filter(Boolean),
      lines,
    })
  }

  return {
    location: { id: location.id, name: location.name },
    candidates,
    details,
    bins: Object.fromEntries(bins.map((b) => [b.inventory_item_id, { code: b.code, walk_sequence: b.walk_sequence ?? null }])),
  }
}

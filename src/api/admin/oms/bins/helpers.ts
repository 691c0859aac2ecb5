import { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PICKING_MODULE, PickingModuleService } from "../../../../modules/picking"
import { locationNames } from "../waves/helpers"

export type { Bin as BinView } from "../../../../types/picking"
import type { Bin as BinView } from "../../../../types/picking"

export type BinFilters = { stock_location_id?: string; inventory_item_id?: string; q?: string }

/**
 * Bins in walk order per location, with the item's SKU and title and the location's name:
 * at most four queries per page (the SKU search, the bins with their count, items, locations).
 */
export async function listBinViews(
  scope: MedusaContainer,
  filters: BinFilters,
  page: { limit?: number; offset?: number } = {}
): Promise<{ bins: BinView[]; count: number }> {
  const picking = scope.resolve<PickingModuleService>(PICKING_MODULE)
  const inventory = scope.resolve<IInventoryService>(Modules.INVENTORY)

  const where: Record<string, unknown> = {}
  if (filters.stock_location_id) where.stock_location_id = filters.stock_location_id
  if (filters.inventory_item_id) where.inventory_item_id = filters.inventory_item_id
  if (filters.q) {
    const like = `%${filters.q.replace(/[%_]/g, (c) => `\\${c}`)}%`
    const matching = await inventory.listInventoryItems({ sku: { $ilike: like } } as any, { select: ["id"], take: 1000 })
    where.$or = [{ code: { $ilike: like } }, ...(matching.length ? [{ inventory_item_id: matching.map((i) => i.id) }] : [])]
  }
  const [bins, count] = await picking.listAndCountBins(where as any, {
    take: page.limit ?? null,
    skip: page.offset ?? 0,
    order: { stock_location_id: "ASC", walk_sequence: "ASC", code: "ASC" } as any,
  })
  if (!bins.length) return { bins: [], count }

  const [items, locationName] = await Promise.all([
    inventory.listInventoryItems(
      { id: [...new Set(bins.map((b) => b.inventory_item_id))] },
      { select: ["id", "sku", "title"], take: null }
    ),
    locationNames(scope, bins.map((b) => b.stock_location_id)),
  ])
  const item = new Map(items.map((i) => [i.id, i]))
  return {
    count,
    bins: bins.map((b) => ({
      id: b.id,
      stock_location_id: b.stock_location_id,
      location_name: locationName.get(b.stock_location_id) ?? null,
      inventory_item_id: b.inventory_item_id,
      sku: (item.get(b.inventory_item_id)?.sku as string | undefined) ?? null,
      title: (item.get(b.inventory_item_id)?.title as string | undefined) ?? null,
      code: b.code,
      walk_sequence: b.walk_sequence ?? null,
      walk_sequence_source: b.walk_sequence_source as BinView["walk_sequence_source"],
    })),
  }
}

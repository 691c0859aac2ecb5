import { IInventoryService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withInventoryLocks } from "../../shared/locked-stock"

export const REJECTION_REASONS = ["not_in_stock", "damaged", "no_capacity"] as const
export type RejectionReason = (typeof REJECTION_REASONS)[number]

/** Reasons that mean the units are not there to sell: the location's stock is lowered. */
const LOWERS_STOCK: Record<RejectionReason, boolean> = { not_in_stock: true, damaged: true, no_capacity: false }

export const correctStockStepId = "oms-correct-stock-after-rejection"

/**
 * After a rejection re-routed the order, the rejecting location's stock is corrected for
 * "not in stock" and "damaged" (never below what is still reserved there). Undone on failure.
 */
export const correctStockStep = createStep(
  correctStockStepId,
  async (
    input: { location_id: string; reason: RejectionReason; units: { inventory_item_id: string; quantity: number }[] },
    { container }
  ) => {
    if (!LOWERS_STOCK[input.reason] || !input.units.length) return new StepResponse([], [] as Correction[])
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const ids = [...new Set(input.units.map((u) => u.inventory_item_id))]
    const done = await withInventoryLocks(container, ids, async () => {
      const levels = await inventory.listInventoryLevels({ inventory_item_id: ids, location_id: input.location_id }, { take: null })
      const corrections: Correction[] = []
      for (const unit of input.units) {
        const level = levels.find((l) => l.inventory_item_id === unit.inventory_item_id)
        if (!level) continue
        const room = Number(level.stocked_quantity) - Number(level.reserved_quantity)
        const by = Math.min(unit.quantity, Math.max(0, room))
        if (by <= 0) continue
        await inventory.adjustInventory(unit.inventory_item_id, input.location_id, -by)
        level.stocked_quantity = Number(level.stocked_quantity) - by
        corrections.push({ inventory_item_id: unit.inventory_item_id, location_id: input.location_id, by })
      }
      return corrections
    })
    return new StepResponse(done, done)
  },
  async (corrections: Correction[] | undefined, { container }) => {
    if (!corrections?.length) return
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    for (const c of corrections) await inventory.adjustInventory(c.inventory_item_id, c.location_id, c.by)
  }
)

type Correction = { inventory_item_id: string; location_id: string; by: number }

import { IInventoryService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ShortAllocation } from "../../../lib/picking"
import { rejectLinesWorkflow } from "../../routing/workflows/reject-lines"

export const rejectShortUnitsStepId = "oms-reject-short-units"

export type RejectShortUnitsInput = {
  wave_id: string
  stock_location_id: string
  shorts: ShortAllocation[]
  reason: string | null
  actor?: string
}

/**
 * Sends the units a short pick did not find back to routing: for each order that lost units,
 * the routing rejection (reason not_in_stock) under that order's lock, so the order is routed
 * again without this location and the location's stock is lowered by what is missing.
 *
 * Each order's rejection is its own workflow with its own undo; this step cannot take back a
 * rejection that already re-routed an order (the units are missing either way). It reads the
 * reservations first and rejects no more than the location still holds, so running it again
 * after a failure skips what was already sent back.
 */
export const rejectShortUnitsStep = createStep(
  rejectShortUnitsStepId,
  async (input: RejectShortUnitsInput, { container }) => {
    if (!input.shorts.length) return new StepResponse({ order_ids: [] as string[] })
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const reservations = await inventory.listReservationItems(
      { location_id: input.stock_location_id, line_item_id: [...new Set(input.shorts.map((s) => s.line_item_id))] },
      { select: ["line_item_id", "quantity"], take: null }
    )
    const held = new Map<string, number>()
    for (const r of reservations) held.set(r.line_item_id!, (held.get(r.line_item_id!) ?? 0) + Number(r.quantity))

    const byOrder = new Map<string, { line_item_id: string; quantity: number }[]>()
    for (const short of input.shorts) {
      const quantity = Math.min(short.quantity_missing, held.get(short.line_item_id) ?? 0)
      if (quantity <= 0) continue
      byOrder.set(short.order_id, [...(byOrder.get(short.order_id) ?? []), { line_item_id: short.line_item_id, quantity }])
    }
    for (const [order_id, items] of byOrder) {
      await rejectLinesWorkflow(container).run({
        input: {
          order_id,
          location_id: input.stock_location_id,
          reason: "not_in_stock",
          items,
          note: `short pick in wave ${input.wave_id}${input.reason ? `: ${input.reason}` : ""}`,
          actor: input.actor,
        },
      })
    }
    return new StepResponse({ order_ids: [...new Set(input.shorts.map((s) => s.order_id))] })
  }
)

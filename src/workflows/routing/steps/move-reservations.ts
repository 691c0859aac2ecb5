import { IInventoryService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ReservationUndo, undoReservations } from "../utils/reservation-snapshot"
import { withInventoryLocks } from "../../shared/locked-stock"

export type MoveLinesInput = {
  order_id: string
  to_location_id: string
  /** quantity: order-line units to move (all that are reserved elsewhere when left out). */
  items: { line_item_id: string; quantity?: number }[]
}

export const moveReservationsStepId = "oms-move-reservations"

/**
 * A person moves lines to another location. Under the inventory-item locks it checks the
 * target has the units free (stocked - reserved, for every inventory item of the line) and
 * then shrinks the reservations elsewhere and grows (or creates) the one at the target.
 */
export const moveReservationsStep = createStep(
  moveReservationsStepId,
  async (input: MoveLinesInput, { container }) => {
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const lineIds = input.items.map((i) => i.line_item_id)
    const reservations = await inventory.listReservationItems({ line_item_id: lineIds }, { take: null })
    const missing = lineIds.filter((id) => !reservations.some((r) => r.line_item_id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `items: line(s) ${missing.join(", ")} have no reserved units to move`)
    }
    const itemIds = [...new Set(reservations.map((r) => r.inventory_item_id))]

    const undo = await withInventoryLocks(container, itemIds, async () => {
      const levels = await inventory.listInventoryLevels({ inventory_item_id: itemIds, location_id: input.to_location_id }, { take: null })
      const freeAtTarget = new Map(levels.map((l) => [l.inventory_item_id, Number(l.stocked_quantity) - Number(l.reserved_quantity)]))
      const fresh = await inventory.listReservationItems({ line_item_id: lineIds }, { take: null })
      const plan: { from: typeof fresh; inventory_item_id: string; line_item_id: string; units: number }[] = []
      for (const wanted of input.items) {
        const mine = fresh.filter((r) => r.line_item_id === wanted.line_item_id)
        for (const itemId of new Set(mine.map((r) => r.inventory_item_id))) {
          const away = mine.filter((r) => r.inventory_item_id === itemId && r.location_id !== input.to_location_id)
          const awayUnits = away.reduce((s, r) => s + Number(r.quantity), 0)
          // quantity counts units of the inventory item (the line's units for an ordinary variant).
          const units = Math.min(awayUnits, wanted.quantity ?? Infinity)
          if (units <= 0) continue
          const free = freeAtTarget.get(itemId) ?? 0
          if (free < units) {
            // The request is well formed; the target's stock right now refuses it (409).
            throw new MedusaError(
              MedusaError.Types.CONFLICT,
              `to_location_id: the location has ${Math.max(0, free)} unit(s) free of inventory item ${itemId}; moving needs ${units}`
            )
          }
          freeAtTarget.set(itemId, free - units)
          plan.push({ from: away, inventory_item_id: itemId, line_item_id: wanted.line_item_id, units })
        }
      }
      if (!plan.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "items: everything asked for is already reserved at that location")
      }

      // Work out every change first, then write them in three batched calls.
      const undo: ReservationUndo = { inventory_item_ids: itemIds, removed: [], created_ids: [], resized: [] }
      const shrink: { id: string; quantity: number }[] = []
      for (const move of plan) {
        let left = move.units
        for (const r of move.from) {
          if (left <= 0) break
          const take = Math.min(left, Number(r.quantity))
          left -= take
          if (take === Number(r.quantity)) {
            undo.removed.push({ id: r.id, line_item_id: r.line_item_id!, inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: Number(r.quantity) })
          } else {
            shrink.push({ id: r.id, quantity: Number(r.quantity) - take })
            undo.resized.push({ id: r.id, quantity: Number(r.quantity) })
          }
        }
      }
      if (undo.removed.length) await inventory.deleteReservationItems(undo.removed.map((r) => r.id))
      if (shrink.length) await inventory.updateReservationItems(shrink)
      const created = await inventory.createReservationItems(
        plan.map((move) => ({
          line_item_id: move.line_item_id,
          inventory_item_id: move.inventory_item_id,
          location_id: input.to_location_id,
          quantity: move.units,
          description: "Moved by medusa-oms",
        }))
      )
      undo.created_ids.push(...created.map((c) => c.id))
      return undo
    })
    return new StepResponse({ moved: undo.created_ids.length }, undo)
  },
  async (undo: ReservationUndo | undefined, { container }) => {
    await undoReservations(container as any, undo)
  }
)

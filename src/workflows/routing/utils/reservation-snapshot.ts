import { IInventoryService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { HeldReservation } from "../../../lib/inventory"
import { withInventoryLocks } from "../../shared/locked-stock"

/** What a step changed in reservations, enough to put everything back. */
export type ReservationUndo = {
  inventory_item_ids: string[]
  removed: HeldReservation[]
  created_ids: string[]
  resized: { id: string; quantity: number }[]
}

/** Puts reservations back as they were, under the inventory-item locks. */
export async function undoReservations(container: { resolve: <T>(k: string) => T }, undo: ReservationUndo | undefined) {
  if (!undo || (!undo.created_ids.length && !undo.removed.length && !undo.resized.length)) return
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  await withInventoryLocks(container, undo.inventory_item_ids, async () => {
    if (undo.created_ids.length) await inventory.deleteReservationItems(undo.created_ids)
    if (undo.resized.length) await inventory.updateReservationItems(undo.resized)
    if (undo.removed.length) {
      await inventory.createReservationItems(
        undo.removed.map((r) => ({
          line_item_id: r.line_item_id,
          inventory_item_id: r.inventory_item_id,
          location_id: r.location_id,
          quantity: r.quantity,
        }))
      )
    }
  })
}

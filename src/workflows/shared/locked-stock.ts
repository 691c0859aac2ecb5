import { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { HeldReservation, stockMatrix, StockMatrix } from "../../lib/inventory"

export type StockRequest = {
  inventory_item_ids: string[]
  /** The locations that may ship the order (the sales channel's). */
  location_ids: string[]
  /** The order's lines: their reservations are read and counted as the order's own stock. */
  own_line_item_ids?: string[]
}

/** The stock as read under the locks: the matrix, and the order's own reservations. */
export type LockedStock = { matrix: StockMatrix; own: HeldReservation[] }

/**
 * The inventory-item lock keys in one global order (sorted, each once). Medusa's locking takes
 * a call's keys one after another and keeps those it holds while it waits for the next: two
 * checkouts asking for [A, B] and [B, A] each hold one and wait for the other until the lock
 * timeout (a flash sale of 20 shoppers on 3 items timed out 18 of them). In one order, whoever
 * holds the first key gets the rest.
 */
export function inventoryLockKeys(inventoryItemIds: string[]): string[] {
  return [...new Set(inventoryItemIds)].sort()
}

/**
 * Runs `job` under the inventory-item locks Medusa's own checkout reservation takes, so
 * nothing else reserves these items meanwhile. Every plugin path that locks inventory items
 * comes through here, so they all take the keys in the same order.
 */
export async function withInventoryLocks<T>(
  container: { resolve: <K>(key: string) => K } | MedusaContainer,
  inventoryItemIds: string[],
  job: () => Promise<T>,
  options?: { timeout?: number }
): Promise<T> {
  const locking = (container as MedusaContainer).resolve(Modules.LOCKING)
  const keys = inventoryLockKeys(inventoryItemIds)
  return options ? locking.execute(keys, job, options) : locking.execute(keys, job)
}

/**
 * Reads the stock matrix inside the inventory-item locks and runs `job` with it, still
 * inside: what the job reserves is checked against levels no one else can change meanwhile,
 * however many orders race for the last units. One query for the levels (none without
 * locations) and, when asked, one for the order's own reservations, in parallel.
 */
export async function withLockedStock<T>(
  container: MedusaContainer,
  request: StockRequest,
  job: (stock: LockedStock) => Promise<T>,
  options?: { timeout?: number }
): Promise<T> {
  return withInventoryLocks(
    container,
    request.inventory_item_ids,
    async () => job(await readStock(container, request)),
    options
  )
}

/** Reads the stock matrix (and the order's own reservations when asked); the caller holds the locks. */
export async function readStock(container: MedusaContainer, request: StockRequest): Promise<LockedStock> {
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const ownLines = request.own_line_item_ids
  const [levels, reservations] = await Promise.all([
    request.location_ids.length
      ? inventory.listInventoryLevels(
          { inventory_item_id: request.inventory_item_ids, location_id: request.location_ids },
          { take: null }
        )
      : Promise.resolve([]),
    ownLines ? inventory.listReservationItems({ line_item_id: ownLines }, { take: null }) : Promise.resolve([]),
  ])
  const own: HeldReservation[] = reservations.map((r) => ({
    id: r.id,
    line_item_id: r.line_item_id!,
    inventory_item_id: r.inventory_item_id,
    location_id: r.location_id,
    quantity: Number(r.quantity),
  }))
  const rows = levels.map((l) => ({
    location_id: l.location_id,
    inventory_item_id: l.inventory_item_id,
    stocked: Number(l.stocked_quantity),
    reserved: Number(l.reserved_quantity),
  }))
  return { matrix: stockMatrix(request.location_ids, rows, own), own }
}

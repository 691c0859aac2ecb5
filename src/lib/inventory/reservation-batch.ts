import type { Candidate } from "../routing"

/**
 * The never-over-reserve rule for a batch of new reservations. Medusa's inventory module
 * checks each reservation of a batch against the level on its own, not against what the
 * batch already took, so the batch keeps its own count: a location's free units of an item
 * are `stocked - reserved - taken by this batch`, never below zero. Safety stock is not
 * subtracted: it is a routing preference, not a physical limit.
 */
export class ReservationBatch {
  private readonly taken = new Map<string, number>()
  private readonly stockOf: Map<string, Candidate["stock"]>

  constructor(locations: Pick<Candidate, "id" | "stock">[]) {
    this.stockOf = new Map(locations.map((l) => [l.id, l.stock]))
  }

  /** Units of the item the location can still promise to this batch. */
  free(locationId: string, inventoryItemId: string): number {
    const level = this.stockOf.get(locationId)?.[inventoryItemId]
    if (!level) return 0
    return Math.max(0, level.stocked - level.reserved - this.takenAt(locationId, inventoryItemId))
  }

  /** Whether the location stocks the item at all (a level exists, whatever its quantity). */
  stocks(locationId: string, inventoryItemId: string): boolean {
    return !!this.stockOf.get(locationId)?.[inventoryItemId]
  }

  /**
   * Counts units the batch reserves at a location. The caller decides how many: a backordered
   * line may take more than is free, which is then counted too.
   */
  take(locationId: string, inventoryItemId: string, units: number) {
    if (units <= 0) return
    const key = `${locationId}|${inventoryItemId}`
    this.taken.set(key, (this.taken.get(key) ?? 0) + units)
  }

  /** Units the batch has taken of the item at the location so far. */
  takenAt(locationId: string, inventoryItemId: string): number {
    return this.taken.get(`${locationId}|${inventoryItemId}`) ?? 0
  }
}

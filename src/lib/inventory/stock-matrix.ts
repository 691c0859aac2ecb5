import type { Candidate } from "../routing"
import type { HeldReservation, LevelRow, StockMatrix } from "./types"

const cell = (location: string, item: string) => `${location}|${item}`

/**
 * The stock matrix of the given locations from their inventory levels. What the order itself
 * already holds (`own`, its reservations) is taken off `reserved`: those units are the order's,
 * so planning it again may place them where they are, or move them. Levels of other locations
 * are left out; a location without levels gets an empty entry.
 */
export function stockMatrix(
  locationIds: string[],
  levels: LevelRow[],
  own: Pick<HeldReservation, "location_id" | "inventory_item_id" | "quantity">[] = []
): StockMatrix {
  const ownAt = new Map<string, number>()
  for (const r of own) {
    const key = cell(r.location_id, r.inventory_item_id)
    ownAt.set(key, (ownAt.get(key) ?? 0) + r.quantity)
  }
  const matrix: StockMatrix = new Map(locationIds.map((id) => [id, {}]))
  for (const level of levels) {
    const stock = matrix.get(level.location_id)
    if (!stock) continue
    const mine = ownAt.get(cell(level.location_id, level.inventory_item_id)) ?? 0
    stock[level.inventory_item_id] = { stocked: level.stocked, reserved: Math.max(0, level.reserved - mine) }
  }
  return matrix
}

/** The candidates with their column of the matrix as stock (none known: empty). */
export function withStock<C extends { id: string }>(candidates: C[], matrix: StockMatrix): (C & Pick<Candidate, "stock">)[] {
  return candidates.map((c) => ({ ...c, stock: matrix.get(c.id) ?? {} }))
}

import type { FulfillmentLine, LinePart, LineReservation } from "./types"

/** How a part is named to people: its SKU, else its title, else its inventory item id. */
export function partLabel(part: LinePart): string {
  return part.sku || part.title || part.inventory_item_id
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The parts a line's reservations hold, in a stable order (by label, then id), so a sentence
 * about a kit names its parts the same way every time, whatever order the database returns.
 * As Medusa does, the parts are those the line has reservations of; a part the variant lists
 * without any reservation is not asked for.
 */
export function reservedParts(line: FulfillmentLine, reservations: LineReservation[]): LinePart[] {
  const ids = [...new Set(reservations.map((r) => r.inventory_item_id))]
  return ids
    .map((id) => line.parts.find((p) => p.inventory_item_id === id) ?? { inventory_item_id: id, required_quantity: 1 })
    .sort((a, b) => compare(partLabel(a), partLabel(b)) || compare(a.inventory_item_id, b.inventory_item_id))
}

/** Units of one part reserved at one location. */
export function partUnitsAt(reservations: LineReservation[], part: LinePart, locationId: string): number {
  return reservations
    .filter((r) => r.inventory_item_id === part.inventory_item_id && r.location_id === locationId)
    .reduce((sum, r) => sum + r.quantity, 0)
}

/** Whole units of the line one part's reservations at a location cover. */
export function lineUnitsOfPart(reservations: LineReservation[], part: LinePart, locationId: string): number {
  const held = partUnitsAt(reservations, part, locationId)
  return part.required_quantity > 0 ? Math.floor(held / part.required_quantity) : held
}

/** Whole units of the line reserved at a location: what its scarcest part covers there. */
export function lineUnitsAt(reservations: LineReservation[], parts: LinePart[], locationId: string): number {
  if (!parts.length) return 0
  return Math.min(...parts.map((p) => lineUnitsOfPart(reservations, p, locationId)))
}

/** A line that is not one unit of one inventory item: its parts are worth naming. */
export function hasParts(parts: LinePart[]): boolean {
  return parts.length > 1 || parts.some((p) => p.required_quantity !== 1)
}

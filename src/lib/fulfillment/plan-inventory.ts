import { partUnitsAt, reservedParts } from "./line-parts"
import { exceedsReservedRefusal, noReservationRefusal } from "./refusals"
import type { FulfillmentInventoryPlan, FulfillmentLine, FulfillmentPlanResult, FulfillmentRequest } from "./types"

/**
 * What fulfilling at one location takes from inventory: only the reservations held THERE.
 *
 * For each asked line (in the request's order) and each part it has reservations of,
 * `quantity × required_quantity` comes off the part's reservations at the location (a
 * reservation used up is deleted) and off the location's stock; reservations elsewhere are
 * left alone, so a line split across locations is fulfilled one location at a time. Refused,
 * at the first line that cannot be fulfilled:
 * - an inventory-managed line with no reservation anywhere (Medusa's "No stock reservation");
 * - a line the location holds fewer whole units of than asked, none included (Medusa's
 *   "exceeds the reserved quantity"): a kit counts as many units as its scarcest part covers.
 * A line whose variant does not manage inventory takes nothing.
 */
export function planFulfillmentInventory(request: FulfillmentRequest): FulfillmentPlanResult {
  const here = request.location_id
  const plan: FulfillmentInventoryPlan = { location_id: here, toUpdate: [], toDelete: [], inventoryAdjustment: [], consumed: [] }
  const taken = new Map<string, number>() // inventory item -> units taken at the location

  for (const { line, quantity } of askedLines(request)) {
    const mine = request.reservations.filter((r) => r.line_item_id === line.id)
    if (!mine.length) {
      if (line.manage_inventory) return { ok: false, refusal: noReservationRefusal(request, line, quantity) }
      continue
    }
    const parts = reservedParts(line, mine)
    if (parts.some((p) => partUnitsAt(mine, p, here) < quantity * p.required_quantity)) {
      return { ok: false, refusal: exceedsReservedRefusal(request, line, quantity, parts, mine) }
    }

    for (const part of parts) {
      const needed = quantity * part.required_quantity
      let remaining = needed
      const held = mine
        .filter((r) => r.inventory_item_id === part.inventory_item_id && r.location_id === here)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      for (const reservation of held) {
        if (remaining <= 0) break
        const take = Math.min(remaining, reservation.quantity)
        const left = reservation.quantity - take
        if (left === 0) plan.toDelete.push(reservation.id)
        else plan.toUpdate.push({ id: reservation.id, quantity: left })
        remaining -= take
      }
      taken.set(part.inventory_item_id, (taken.get(part.inventory_item_id) ?? 0) + needed)
      plan.consumed.push({ line_item_id: line.id, inventory_item_id: part.inventory_item_id, quantity: needed })
    }
  }

  for (const [inventory_item_id, quantity] of taken) {
    plan.inventoryAdjustment.push({ inventory_item_id, location_id: here, adjustment: -quantity })
  }
  return { ok: true, plan }
}

/**
 * The asked lines in the request's order, each once; a line asked twice takes the later
 * quantity, as Medusa's workflow does. Ids the order does not have are left to Medusa's own
 * validation, which runs before.
 */
function askedLines(request: FulfillmentRequest): { line: FulfillmentLine; quantity: number }[] {
  const quantities = new Map(request.asked.map((a) => [a.id, a.quantity]))
  const lines = new Map(request.lines.map((l) => [l.id, l]))
  return [...quantities.keys()]
    .filter((id) => lines.has(id))
    .map((id) => ({ line: lines.get(id)!, quantity: quantities.get(id)! }))
}

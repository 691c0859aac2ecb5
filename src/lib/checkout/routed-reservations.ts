import { ReservationBatch } from "../inventory"
import { plannerLineId } from "../order"
import type { Candidate, Plan } from "../routing"

/**
 * What Medusa's checkout would reserve for one inventory item of one cart line (the shape of
 * its `prepareConfirmInventoryInput` items): `quantity` line units of `required_quantity`
 * inventory units each, at one of `location_ids`.
 */
export type ReservationRequest = {
  /** The order line item id. */
  id: string
  inventory_item_id: string
  required_quantity: number
  allow_backorder: boolean
  quantity: number
  location_ids: string[]
}

/** One reservation to create at checkout. */
export type ReservationToCreate = {
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  allow_backorder: boolean
}

/** Units of a line no location of the sales channel holds (the variant does not backorder). */
export type Shortage = {
  line_item_id: string
  inventory_item_id: string
  needed: number
  available: number
}

export type RoutedReservations = { reservations: ReservationToCreate[]; shortages: Shortage[] }

/**
 * Turns the planner's plan into the reservations checkout creates.
 *
 * 1. Planned units go where the plan puts them (a line split over two shipments gives two
 *    reservations), never beyond `stocked - reserved` at that location.
 * 2. Units the plan leaves unallocated (no eligible location has them: wrong market, paused,
 *    safety stock) are still reserved where stock physically is, as Medusa's checkout would:
 *    the order's locations first, then locations serving the market, then the others, each
 *    by priority. Routing then reports the order as held, as it does today.
 * 3. What no location holds is reserved at the line's best location when the variant allows
 *    backorders (as Medusa does), and is a shortage otherwise: the caller refuses the order.
 *
 * Availability is counted per location and inventory item across the whole order, because
 * the inventory module checks each reservation of a batch on its own, not cumulatively.
 */
export function routedReservations(input: {
  items: ReservationRequest[]
  plan: Plan
  candidates: Candidate[]
  country_code: string
}): RoutedReservations {
  const { items, plan, candidates } = input
  const country = input.country_code.toUpperCase()
  const batch = new ReservationBatch(candidates)
  const free = (location: string, item: string) => batch.free(location, item)
  const out = new Map<string, ReservationToCreate>()
  const reserve = (item: ReservationRequest, location_id: string, quantity: number) => {
    if (quantity <= 0) return
    const k = `${item.id}|${item.inventory_item_id}|${location_id}`
    const existing = out.get(k)
    if (existing) existing.quantity += quantity
    else
      out.set(k, {
        line_item_id: item.id,
        inventory_item_id: item.inventory_item_id,
        location_id,
        quantity,
        allow_backorder: item.allow_backorder,
      })
    batch.take(location_id, item.inventory_item_id, quantity)
  }

  // Where the plan puts each planner line, in shipment order.
  const planned = new Map<string, { location_id: string; quantity: number }[]>()
  for (const shipment of plan.shipments) {
    for (const line of shipment.lines) {
      const list = planned.get(line.line_id) ?? []
      list.push({ location_id: shipment.location_id, quantity: line.quantity })
      planned.set(line.line_id, list)
    }
  }
  const planLocations = [...new Set(plan.shipments.map((s) => s.location_id))]
  const serves = (c: Candidate) => c.active && (!c.markets.length || c.markets.map((m) => m.toUpperCase()).includes(country))
  const byPriority = (a: Candidate, b: Candidate) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const fallbackOrder = [
    ...planLocations,
    ...candidates.filter((c) => !planLocations.includes(c.id) && serves(c)).sort(byPriority).map((c) => c.id),
    ...candidates.filter((c) => !planLocations.includes(c.id) && !serves(c)).sort(byPriority).map((c) => c.id),
  ]

  const rest = new Map<ReservationRequest, number>()
  for (const item of items) {
    const need = Number(item.quantity) * Number(item.required_quantity ?? 1)
    let left = need
    for (const p of planned.get(plannerLineId(item.id, item.inventory_item_id)) ?? []) {
      const units = Math.min(p.quantity, left, item.allow_backorder ? p.quantity : free(p.location_id, item.inventory_item_id))
      reserve(item, p.location_id, units)
      left -= units
    }
    rest.set(item, left)
  }

  const shortages: Shortage[] = []
  for (const item of items) {
    let left = rest.get(item) ?? 0
    for (const location of fallbackOrder) {
      if (left <= 0) break
      const units = Math.min(left, free(location, item.inventory_item_id))
      reserve(item, location, units)
      left -= units
    }
    if (left <= 0) continue
    if (item.allow_backorder) {
      const own = planned.get(plannerLineId(item.id, item.inventory_item_id))?.[0]?.location_id
      const stocking = fallbackOrder.find((l) => batch.stocks(l, item.inventory_item_id))
      reserve(item, own ?? stocking ?? item.location_ids[0], left)
      continue
    }
    const need = Number(item.quantity) * Number(item.required_quantity ?? 1)
    shortages.push({ line_item_id: item.id, inventory_item_id: item.inventory_item_id, needed: need, available: need - left })
  }
  return { reservations: [...out.values()], shortages }
}

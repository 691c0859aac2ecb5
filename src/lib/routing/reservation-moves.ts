import type { HeldReservation } from "../inventory"
import { splitPlannerLineId } from "../order"
import type { OrderLine, Plan, RuleSet } from "./types"

/** What applying a plan does to an order's reservations. */
export type ReservationMoves = {
  /** Reservations to delete (every one of a line that moves). */
  removed: HeldReservation[]
  /** Reservations to create in their place, one per line and planned location. */
  created: Omit<HeldReservation, "id">[]
  /** Order lines whose reservations move (once each, in line order). */
  moved_lines: string[]
}

/**
 * The reservations to move so the order is held where the plan ships it from. Only lines the
 * plan places whole move; a line with unallocated units keeps what it holds (a person decides),
 * and a line already held exactly as planned is left alone.
 */
export function reservationMoves(lines: OrderLine[], plan: Pick<Plan, "shipments" | "unallocated">, held: HeldReservation[]): ReservationMoves {
  // Target per planner line: location -> units.
  const target = new Map<string, Map<string, number>>()
  for (const shipment of plan.shipments) {
    for (const line of shipment.lines) {
      const perLocation = target.get(line.line_id) ?? new Map<string, number>()
      perLocation.set(shipment.location_id, (perLocation.get(shipment.location_id) ?? 0) + line.quantity)
      target.set(line.line_id, perLocation)
    }
  }
  const short = new Set(plan.unallocated.map((u) => u.line_id))

  const removed: HeldReservation[] = []
  const created: Omit<HeldReservation, "id">[] = []
  const moved: string[] = []
  for (const line of lines) {
    if (short.has(line.line_id)) continue
    const wanted = target.get(line.line_id)
    if (!wanted) continue
    const { line_item_id, inventory_item_id } = splitPlannerLineId(line.line_id)
    const current = held.filter((r) => r.line_item_id === line_item_id && r.inventory_item_id === inventory_item_id)
    if (sameAllocation(current, wanted)) continue
    removed.push(...current)
    for (const [location_id, quantity] of wanted) created.push({ line_item_id, inventory_item_id, location_id, quantity })
    moved.push(line_item_id)
  }
  return { removed, created, moved_lines: [...new Set(moved)] }
}

/** Locations that rejected the order are filtered out before any rule of the shop's. */
export function withExclusions(ruleSet: RuleSet, excluded: string[]): RuleSet {
  if (!excluded.length) return ruleSet
  return {
    ...ruleSet,
    rules: [
      { kind: "filter", type: "exclude_locations", params: { location_ids: excluded }, label: "locations that rejected this order" },
      ...ruleSet.rules,
    ],
  }
}

function sameAllocation(current: HeldReservation[], wanted: Map<string, number>) {
  const have = new Map<string, number>()
  for (const r of current) have.set(r.location_id, (have.get(r.location_id) ?? 0) + r.quantity)
  if (have.size !== wanted.size) return false
  for (const [location, qty] of wanted) if (have.get(location) !== qty) return false
  return true
}

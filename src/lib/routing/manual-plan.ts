import { haversineKm, type GeoPoint } from "../geo/distance"
import type { Candidate, OrderLine, PlanStatus, Remainder, Shipment } from "./types"

/** Units of one order line (and inventory item) held at one location. */
export interface HeldUnits {
  line_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
}

export interface ManualPlanInput {
  lines: OrderLine[]
  /** Where the order's units are reserved now, after a person moved them. */
  held: HeldUnits[]
  /** What the planner knew about the locations (names, points), when it was stored. */
  candidates?: Pick<Candidate, "id" | "name" | "point">[]
  destination?: GeoPoint | null
  /** Location names for locations the candidates do not list. */
  names?: Record<string, string>
}

/**
 * The plan a person made by moving lines: one shipment per location holding units, in the
 * order the locations first appear, and whatever is not held anywhere left unallocated.
 * Status: routed when every unit is held, partially routed when some are, held when none.
 */
export function planFromHeldUnits(input: ManualPlanInput): {
  status: PlanStatus
  shipments: Shipment[]
  unallocated: Remainder[]
} {
  const candidate = new Map((input.candidates ?? []).map((c) => [c.id, c]))
  const unitValue = new Map(input.lines.map((l) => [l.line_id, l.unit_value]))
  const byLocation = new Map<string, Shipment>()
  const heldPerLine = new Map<string, number>()
  for (const h of input.held) {
    if (h.quantity <= 0) continue
    let shipment = byLocation.get(h.location_id)
    if (!shipment) {
      const c = candidate.get(h.location_id)
      shipment = {
        location_id: h.location_id,
        location_name: c?.name ?? input.names?.[h.location_id] ?? h.location_id,
        lines: [],
        value: 0,
        distance_km: c?.point && input.destination ? Math.round(haversineKm(c.point, input.destination) * 10) / 10 : null,
      }
      byLocation.set(h.location_id, shipment)
    }
    const same = shipment.lines.find((l) => l.line_id === h.line_id && l.inventory_item_id === h.inventory_item_id)
    if (same) same.quantity += h.quantity
    else shipment.lines.push({ line_id: h.line_id, inventory_item_id: h.inventory_item_id, quantity: h.quantity })
    shipment.value += h.quantity * (unitValue.get(h.line_id) ?? 0)
    const key = `${h.line_id}|${h.inventory_item_id}`
    heldPerLine.set(key, (heldPerLine.get(key) ?? 0) + h.quantity)
  }

  const unallocated: Remainder[] = []
  for (const line of input.lines) {
    const missing = line.quantity - (heldPerLine.get(`${line.line_id}|${line.inventory_item_id}`) ?? 0)
    if (missing > 0) {
      unallocated.push({ line_id: line.line_id, inventory_item_id: line.inventory_item_id, quantity: missing, reason: "not reserved anywhere" })
    }
  }
  const shipments = [...byLocation.values()]
  const status: PlanStatus = !shipments.length ? "held" : unallocated.length ? "partially_routed" : "routed"
  return { status, shipments, unallocated }
}

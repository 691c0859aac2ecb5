import { writeCsv } from "../csv"
import type { ReplayComparison } from "./simulate"

export const SIMULATION_CSV_COLUMNS = [
  "order_id",
  "display_id",
  "live_locations",
  "draft_locations",
  "live_shipments",
  "draft_shipments",
  "live_km",
  "draft_km",
  "live_unallocated",
  "draft_unallocated",
  "changed",
  "placed_by",
] as const

/**
 * A simulation's rows as CSV, one line per replayed order; the locations of a side are
 * separated by spaces. An order without a display id (deleted since) has an empty one; placed_by
 * (point, postal_code, city, province, country) is empty for rows replayed before it was kept.
 */
export function simulationRowsCsv(
  rows: (ReplayComparison & { order_id: string })[],
  displayId: (orderId: string) => string | number | null | undefined
): string {
  return writeCsv([
    [...SIMULATION_CSV_COLUMNS],
    ...rows.map((r) => [
      r.order_id,
      displayId(r.order_id),
      r.live.locations.join(" "),
      r.draft.locations.join(" "),
      r.live.shipments,
      r.draft.shipments,
      r.live.km,
      r.draft.km,
      r.live.unallocated_units,
      r.draft.unallocated_units,
      r.changed,
      r.placement?.by ?? "",
    ]),
  ])
}

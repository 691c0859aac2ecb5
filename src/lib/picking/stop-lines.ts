import { plannerLineId } from "../order"
import { scanProgress, scanStateAt } from "./scan"
import { fillTotes } from "./short-pick"
import type { PickList, PickStop, ScanState, WaveLineState, WaveLineStatus } from "./types"

/**
 * The wave lines a finished stop closes, with what each got: the units taken from the shelf
 * fill the totes in tote order (the same fill shortAllocations sends back to routing).
 */
export function closeStopLines(stop: PickStop, taken: number, lines: WaveLineState[]) {
  const byKey = new Map(lines.map((l) => [plannerLineId(l.line_item_id, l.inventory_item_id), l]))
  const changes: { id: string; picked: number; short: number; status: WaveLineStatus }[] = []
  for (const { share, filled } of fillTotes(stop, taken)) {
    const line = byKey.get(plannerLineId(share.line_item_id, stop.inventory_item_id))
    if (!line) continue
    const short = share.quantity - filled
    changes.push({ id: line.id, picked: filled, short, status: short > 0 ? "short" : "picked" })
  }
  return changes
}

/**
 * After a short pick sent some orders back to routing, their lines in this wave hold fewer
 * units (often none: the order now ships from elsewhere). The pick list follows: stops not yet
 * walked carry only what is still needed, and stops left with nothing drop out of the walk,
 * so the picker is never sent to a shelf for nothing. Walked stops stay as they were picked.
 */
export function shrinkWalk(list: PickList, state: ScanState, lines: WaveLineState[]) {
  const quantity = new Map(lines.map((l) => [plannerLineId(l.line_item_id, l.inventory_item_id), l.open ? l.quantity : 0]))
  const ahead = (index: number) => state.current !== null && index >= state.current

  const stops = list.stops.map((stop) => {
    if (!ahead(stop.index)) return stop
    const breakdown = stop.breakdown
      .map((s) => ({ ...s, quantity: Math.min(s.quantity, quantity.get(plannerLineId(s.line_item_id, stop.inventory_item_id)) ?? 0) }))
      .filter((s) => s.quantity > 0)
    return { ...stop, breakdown, quantity: breakdown.reduce((sum, s) => sum + s.quantity, 0) }
  })
  const needed = new Map(stops.map((s) => [s.index, s.quantity]))
  const scanStops = state.stops
    .map((s) => (ahead(s.index) ? { ...s, quantity: needed.get(s.index) ?? 0 } : s))
    .filter((s) => !ahead(s.index) || s.quantity > 0)

  let next: ScanState = { ...state, stops: scanStops }
  if (state.current !== null && !scanStops.some((s) => s.index === state.current)) {
    next = scanStateAt(scanStops, scanStops.find((s) => s.index > state.current!))
  }
  return {
    pick_list: { ...list, stops, units: stops.reduce((sum, s) => sum + s.quantity, 0) },
    scan_state: next,
  }
}

/** Units picked and short over the scan state (what the wave row keeps as totals). */
export function scanTotals(state: ScanState) {
  const { units_total, units_picked, units_short } = scanProgress(state)
  return { units_total, units_picked, units_short }
}

import { isBin, isItem } from "./scanned-code"
import type { PickList, ScanEvent, ScanOutcome, ScanOutcomeCode, ScanProgress, ScanResult, ScanState, ScanStop } from "./types"

/**
 * Scan-to-verify, one stop at a time in walk order: scan the bin, scan the item (each scan
 * counts one unit), confirm the quantity. A short pick closes a stop with fewer units and a
 * reason. The state is plain JSON; every call returns a new state and leaves the old one alone.
 */
export function startScan(list: PickList): ScanState {
  const stops: ScanStop[] = list.stops.map((s) => ({
    index: s.index,
    bin_code: s.bin_code,
    sku: s.sku,
    barcode: s.barcode,
    quantity: s.quantity,
    picked: 0,
    short: 0,
  }))
  return scanStateAt(stops, stops[0])
}

export function applyScan(state: ScanState, event: ScanEvent): ScanResult {
  const stop = state.stops.find((s) => s.index === state.current)
  if (!stop) return refused(state, "nothing_left", "Nothing left to pick in this wave.")
  switch (event.type) {
    case "bin":
      return scanBin(state, stop, event.code)
    case "item":
      return scanItem(state, stop, event.code)
    case "quantity":
      return confirmQuantity(state, stop, event.quantity)
    case "short":
      return recordShort(state, stop, event.quantity_found, event.reason)
  }
}

export function scanProgress(state: ScanState): ScanProgress {
  const current = state.stops.find((s) => s.index === state.current)
  return {
    units_total: sum(state.stops, (s) => s.quantity),
    units_picked: sum(state.stops, (s) => s.picked),
    units_short: sum(state.stops, (s) => s.short),
    stops_done: state.stops.filter((s) => isDone(state, s)).length,
    stops_total: state.stops.length,
    next_bin: current?.bin_code ?? null,
  }
}

function scanBin(state: ScanState, stop: ScanStop, code: string): ScanResult {
  if (!isBin(code, stop.bin_code)) {
    const message =
      stop.bin_code === null
        ? `${describeScan(code)} is not needed: ${itemName(stop)} has no bin, find it and scan the item.`
        : `Wrong bin: scanned ${describeScan(code)}, go to ${stop.bin_code}.`
    return refused(state, "wrong_bin", message, stop)
  }
  const next = state.phase === "bin" ? { ...state, phase: "item" as const } : state
  return accepted(next, "bin_ok", `Bin ${stop.bin_code}: pick ${stop.quantity} × ${itemName(stop)}, scan the item.`, stop)
}

function scanItem(state: ScanState, stop: ScanStop, code: string): ScanResult {
  if (state.phase === "bin") return refused(state, "wrong_bin", `Scan bin ${stop.bin_code} first, then the item.`, stop)
  if (!isItem(code, stop)) {
    const where = stop.bin_code === null ? "this stop needs" : `bin ${stop.bin_code} holds`
    return refused(state, "wrong_item", `Wrong item: scanned ${describeScan(code)}, ${where} ${itemName(stop)}.`, stop)
  }
  if (stop.picked >= stop.quantity) {
    return refused(
      state,
      "over_scan",
      `Too many: this stop needs ${stop.quantity} × ${itemName(stop)} and ${stop.picked} are counted. Put the extra back and confirm ${stop.quantity}.`,
      stop
    )
  }
  const counted = { ...stop, picked: stop.picked + 1 }
  return accepted(
    { ...replace(state, counted), phase: "quantity" },
    "item_ok",
    `${itemName(stop)}: ${counted.picked} of ${stop.quantity} counted.`,
    stop
  )
}

function confirmQuantity(state: ScanState, stop: ScanStop, quantity: number): ScanResult {
  if (state.phase === "bin") return refused(state, "bad_quantity", `Scan bin ${stop.bin_code} first.`, stop)
  if (state.phase === "item") return refused(state, "bad_quantity", `Scan ${itemName(stop)} first, then confirm the quantity.`, stop)
  if (!Number.isInteger(quantity) || quantity < 1) {
    const message =
      quantity === 0
        ? "None found? Record a short pick with a reason instead."
        : `The quantity must be a whole number from 1 to ${stop.quantity}.`
    return refused(state, "bad_quantity", message, stop)
  }
  if (quantity > stop.quantity) {
    return refused(state, "bad_quantity", `This stop needs only ${stop.quantity} × ${itemName(stop)}; you entered ${quantity}.`, stop)
  }
  const confirmed = { ...stop, picked: quantity }
  if (quantity < stop.quantity) {
    return accepted(
      replace(state, confirmed),
      "item_ok",
      `${quantity} of ${stop.quantity} × ${itemName(stop)} counted. Pick the rest, or record a short pick if they are not there.`,
      stop
    )
  }
  return finishStop(replace(state, confirmed), stop, "stop_done", `${binName(stop)} done: ${stop.quantity} × ${itemName(stop)}.`)
}

function recordShort(state: ScanState, stop: ScanStop, found: number, reason: string): ScanResult {
  const why = typeof reason === "string" ? reason.trim() : ""
  if (!why) return refused(state, "bad_quantity", "Give a reason for the short pick, e.g. bin empty or damaged.", stop)
  if (found === stop.quantity) {
    return refused(state, "bad_quantity", `All ${stop.quantity} found: confirm the quantity instead of recording a short pick.`, stop)
  }
  if (!Number.isInteger(found) || found < 0 || found > stop.quantity) {
    return refused(state, "bad_quantity", `Units found must be a whole number from 0 to ${stop.quantity - 1} (the stop needs ${stop.quantity}).`, stop)
  }
  const missing = stop.quantity - found
  const closed = { ...stop, picked: found, short: missing, short_reason: why }
  return finishStop(
    replace(state, closed),
    stop,
    "short_recorded",
    `Short pick recorded at ${binName(stop)}: ${found} of ${stop.quantity} × ${itemName(stop)} found, ${missing} missing.`
  )
}

/** Moves past a completed stop; the last one ends the wave. */
function finishStop(state: ScanState, stop: ScanStop, code: ScanOutcomeCode, said: string): ScanResult {
  const following = state.stops.find((s) => s.index > stop.index)
  const next = scanStateAt(state.stops, following)
  if (following) return accepted(next, code, `${said} Next: ${whereTo(following)}.`, stop)
  const shorts = next.stops.filter((s) => s.short > 0).length
  const summary = `all ${next.stops.length} stops done${shorts ? `, ${shorts} short` : ""}`
  return accepted(next, code === "stop_done" ? "wave_done" : code, `${said} Wave done: ${summary}.`, stop)
}

/**
 * The picker standing at `stop` (bin first, unless it has none), or done when there is no stop.
 * Stops are walked strictly in order, so every stop before the current one is done.
 */
export function scanStateAt(stops: ScanStop[], stop: ScanStop | undefined): ScanState {
  if (!stop) return { stops, current: null, phase: "bin" }
  return { stops, current: stop.index, phase: stop.bin_code === null ? "item" : "bin" }
}

const isDone = (state: ScanState, s: ScanStop) => state.current === null || s.index < state.current

function replace(state: ScanState, stop: ScanStop): ScanState {
  return { ...state, stops: state.stops.map((s) => (s.index === stop.index ? stop : s)) }
}

function accepted(state: ScanState, code: ScanOutcomeCode, message: string, stop: ScanStop): ScanResult {
  return { state, outcome: { ok: true, code, message, stop: stop.index } }
}

function refused(state: ScanState, code: ScanOutcomeCode, message: string, stop?: ScanStop): ScanResult {
  const outcome: ScanOutcome = { ok: false, code, message }
  if (stop) outcome.stop = stop.index
  return { state, outcome }
}

const itemName = (s: ScanStop) => s.sku ?? s.barcode ?? "the item"
const binName = (s: ScanStop) => (s.bin_code === null ? itemName(s) : `Bin ${s.bin_code}`)
const whereTo = (s: ScanStop) => (s.bin_code === null ? `${itemName(s)} (no bin)` : `go to ${s.bin_code}`)
const describeScan = (code: string) => (code.trim() ? code.trim() : "nothing")
const sum = (stops: ScanStop[], value: (s: ScanStop) => number) => stops.reduce((total, s) => total + value(s), 0)

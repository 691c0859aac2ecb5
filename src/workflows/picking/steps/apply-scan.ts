import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { applyScan, ScanEvent, ScanOutcome, shortAllocations, ShortAllocation, closeStopLines, scanTotals } from "../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import {
  loadWaveLines,
  loadWaveRow,
  requireStatus,
  restoreWaveChanges,
  WaveChanges,
  WaveLineRecord,
  writeWaveChanges,
} from "../utils/wave-records"

export const applyScanStepId = "oms-apply-wave-scan"

export type ApplyScanInput = { wave_id: string; event: ScanEvent }

export type ApplyScanResult = {
  outcome: ScanOutcome
  stock_location_id: string
  /** Order lines that lost units in a short pick (empty otherwise). */
  shorts: ShortAllocation[]
  short_reason: string | null
}

const CLOSES_STOP = new Set(["stop_done", "wave_done", "short_recorded"])
const WRONG_SCANS = new Set(["wrong_bin", "wrong_item"])

/**
 * One scan at the shelf, checked by the pure state machine. A refused scan (wrong bin, wrong
 * item, over-scan, bad quantity) is a 400 with the machine's sentence and changes no scan state;
 * a wrong bin or wrong item adds one to the wave's wrong_scans first (the dashboard's accuracy).
 * An accepted scan stores the new state; when it closes a stop, the stop's units are shared
 * over its order lines in tote order. Undone (state and lines restored) on a later failure.
 */
export const applyScanStep = createStep(
  applyScanStepId,
  async (input: ApplyScanInput, { container }) => {
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const wave = await loadWaveRow(picking, input.wave_id)
    requireStatus(wave, ["picking"], "scan")
    const { state, outcome } = applyScan(wave.scan_state!, input.event)
    if (!outcome.ok) {
      // The floor's accuracy counts refused scans of the wrong bin or item (not over-scans or
      // bad quantities): written before the refusal, which leaves the scan state as it was.
      if (WRONG_SCANS.has(outcome.code)) await picking.countWrongScan(wave.id)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, outcome.message)
    }

    const changes: WaveChanges = { wave: { id: wave.id, scan_state: state, ...scanTotals(state) } }
    let shorts: ShortAllocation[] = []
    let lines: WaveLineRecord[] = []
    if (CLOSES_STOP.has(outcome.code) && outcome.stop !== undefined) {
      const stop = wave.pick_list.stops.find((s) => s.index === outcome.stop)!
      const taken = state.stops.find((s) => s.index === outcome.stop)!.picked
      // Only a closed stop touches lines, and only those of its inventory item.
      lines = await loadWaveLines(picking, wave.id, { inventory_item_id: stop.inventory_item_id })
      changes.lines = closeStopLines(stop, taken, lines)
      if (input.event.type === "short") shorts = shortAllocations(stop, taken)
    }
    const previous = await writeWaveChanges(picking, changes, { wave: wave as any, lines: lines as any })
    const result: ApplyScanResult = {
      outcome,
      stock_location_id: wave.stock_location_id,
      shorts,
      short_reason: input.event.type === "short" ? input.event.reason : null,
    }
    return new StepResponse(result, previous)
  },
  async (previous: WaveChanges | undefined, { container }) => {
    await restoreWaveChanges(container.resolve<PickingModuleService>(PICKING_MODULE), previous)
  }
)

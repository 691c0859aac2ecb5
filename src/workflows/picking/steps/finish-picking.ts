import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { everyOrderPacked } from "../../../lib/picking"
import { loadWaveLines, loadWaveRow } from "../utils/wave-records"

export type CompletedWave = { id: string; stock_location_id: string; units_picked: number; units_short: number }

export const finishPickingStepId = "oms-finish-picking"

/**
 * A picking wave whose walk is over (no stop left) becomes picked (or packed straight away when
 * every order it still ships was packed during the walk); returns the wave when its walk ended
 * just now (so oms.wave.completed is emitted once), null otherwise. Undone on failure.
 */
export const finishPickingStep = createStep(
  finishPickingStepId,
  async (input: { wave_id: string }, { container }) => {
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const wave = await loadWaveRow(picking, input.wave_id)
    if (wave.status !== "picking" || wave.scan_state?.current !== null) {
      return new StepResponse<CompletedWave | null, string>(null, "") // nothing to undo
    }
    const [lines, packs] = await Promise.all([
      loadWaveLines(picking, wave.id),
      picking.listPacks({ wave_id: wave.id }, { select: ["order_id"], take: null }),
    ])
    const now = new Date()
    const allPacked = packs.length > 0 && everyOrderPacked(lines, new Set(packs.map((p) => p.order_id)))
    await picking.updateWaves({
      id: wave.id,
      status: allPacked ? "packed" : "picked",
      picked_at: now,
      packed_at: allPacked ? now : null,
    })
    const completed: CompletedWave = {
      id: wave.id,
      stock_location_id: wave.stock_location_id,
      units_picked: wave.units_picked,
      units_short: wave.units_short,
    }
    return new StepResponse<CompletedWave | null, string>(completed, wave.id)
  },
  async (waveId: string | undefined, { container }) => {
    if (!waveId) return
    await container
      .resolve<PickingModuleService>(PICKING_MODULE)
      .updateWaves({ id: waveId, status: "picking", picked_at: null, packed_at: null })
  }
)

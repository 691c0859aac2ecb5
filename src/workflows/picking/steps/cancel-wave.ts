import { pickingConflict } from "../utils/conflict"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { loadWave, requireStatus, restoreWaveChanges, WaveChanges, writeWaveChanges } from "../utils/wave-records"

export const cancelWaveStepId = "oms-cancel-wave"

/**
 * Cancels a wave that has nothing packed yet and frees its lines, so their allocations can go
 * into another wave. A wave with a packed order cannot be canceled (409). Undone on failure.
 */
export const cancelWaveStep = createStep(
  cancelWaveStepId,
  async (input: { wave_id: string }, { container }) => {
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const { wave, lines } = await loadWave(picking, input.wave_id)
    requireStatus(wave, ["open", "picking", "picked"], "cancel it")
    const packs = await picking.listPacks({ wave_id: wave.id }, { select: ["id"] })
    if (packs.length) {
      throw pickingConflict(
        `Wave ${wave.id} cannot be canceled: ${packs.length} of its orders are packed already`
      )
    }
    const changes: WaveChanges = {
      wave: { id: wave.id, status: "canceled", canceled_at: new Date() },
      lines: lines.filter((l) => l.open).map((l) => ({ id: l.id, status: "canceled", open: false })),
    }
    const previous = await writeWaveChanges(picking, changes, { wave: wave as any, lines: lines as any })
    const [updated] = await picking.listWaves({ id: wave.id })
    return new StepResponse(updated, previous)
  },
  async (previous: WaveChanges | undefined, { container }) => {
    await restoreWaveChanges(container.resolve<PickingModuleService>(PICKING_MODULE), previous)
  }
)

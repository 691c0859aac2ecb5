import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { startScan } from "../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { loadWaveRow, requireStatus } from "../utils/wave-records"

export const startWaveStepId = "oms-start-wave"

/** open -> picking, with a fresh scan state at the first stop of the walk. Undone on failure. */
export const startWaveStep = createStep(
  startWaveStepId,
  async (input: { wave_id: string }, { container }) => {
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const wave = await loadWaveRow(picking, input.wave_id)
    requireStatus(wave, ["open"], "start picking")
    const updated = await picking.updateWaves({
      id: wave.id,
      status: "picking",
      scan_state: startScan(wave.pick_list) as any,
      started_at: new Date(),
    })
    return new StepResponse(updated, wave.id)
  },
  async (waveId: string | undefined, { container }) => {
    if (!waveId) return
    await container
      .resolve<PickingModuleService>(PICKING_MODULE)
      .updateWaves({ id: waveId, status: "open", scan_state: null, started_at: null })
  }
)

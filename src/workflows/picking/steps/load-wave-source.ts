import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadWaveSource } from "../utils/wave-source"

export const loadWaveSourceStepId = "oms-load-wave-source"

/** Read-only: what a wave at the location can take (see loadWaveSource for the queries). */
export const loadWaveSourceStep = createStep(
  loadWaveSourceStepId,
  async (input: { stock_location_id: string }, { container }) => {
    return new StepResponse(await loadWaveSource(container, input.stock_location_id))
  }
)

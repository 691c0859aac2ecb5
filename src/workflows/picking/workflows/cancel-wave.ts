import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelWaveStep } from "../steps/cancel-wave"
import { waveLockKey } from "../../../lib/locks"

export const cancelWaveWorkflowId = "oms-cancel-wave-workflow"

/** Cancels a wave (nothing packed yet) and frees its lines for another wave, under the wave's lock. */
export const cancelWaveWorkflow = createWorkflow(cancelWaveWorkflowId, (input: { wave_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => waveLockKey(input.wave_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const wave = cancelWaveStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(wave)
})

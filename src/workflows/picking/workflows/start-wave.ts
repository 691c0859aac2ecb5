import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { startWaveStep } from "../steps/start-wave"
import { waveLockKey } from "../../../lib/locks"

export const startWaveWorkflowId = "oms-start-wave-workflow"

/** Starts picking a wave (open -> picking) under the wave's lock; 409 from any other status. */
export const startWaveWorkflow = createWorkflow(startWaveWorkflowId, (input: { wave_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => waveLockKey(input.wave_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const wave = startWaveStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(wave)
})

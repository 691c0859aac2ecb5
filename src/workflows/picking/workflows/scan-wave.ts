import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ScanEvent } from "../../../lib/picking"
import { PickingEvents } from "../events"
import { applyScanStep } from "../steps/apply-scan"
import { CompletedWave, finishPickingStep } from "../steps/finish-picking"
import { followReroutedOrdersStep } from "../steps/follow-rerouted-orders"
import { rejectShortUnitsStep } from "../steps/reject-short-units"
import { waveLockKey } from "../../../lib/locks"

export const scanWaveWorkflowId = "oms-scan-wave-workflow"

export type ScanWaveInput = { wave_id: string; event: ScanEvent; actor?: string }

/**
 * One scan while picking a wave, under the wave's lock (two scanners on one wave take turns).
 * A short pick sends the missing units back to routing (a not_in_stock rejection at this
 * location per order, each under its order's lock), then the wave follows: the orders' lines
 * keep what is still reserved here and the walk ahead shrinks. When no stop is left the wave is
 * picked and oms.wave.completed is emitted. Locks are always taken wave first, then order.
 */
export const scanWaveWorkflow = createWorkflow(scanWaveWorkflowId, (input: ScanWaveInput) => {
  const lockKey = transform({ input }, ({ input }) => waveLockKey(input.wave_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const scan = applyScanStep({ wave_id: input.wave_id, event: input.event })
  const rejectInput = transform({ scan, input }, ({ scan, input }) => ({
    wave_id: input.wave_id,
    stock_location_id: scan.stock_location_id,
    shorts: scan.shorts,
    reason: scan.short_reason,
    actor: input.actor,
  }))
  const rejected = rejectShortUnitsStep(rejectInput)
  const followInput = transform({ rejected, input }, ({ rejected, input }) => ({
    wave_id: input.wave_id,
    order_ids: rejected.order_ids,
  }))
  followReroutedOrdersStep(followInput)
  const completed = finishPickingStep({ wave_id: input.wave_id })
  when({ completed }, ({ completed }) => !!completed).then(() => {
    const event = transform({ completed }, ({ completed }: { completed: CompletedWave | null }) => ({
      eventName: PickingEvents.WAVE_COMPLETED,
      data: {
        id: completed!.id,
        stock_location_id: completed!.stock_location_id,
        units_picked: completed!.units_picked,
        units_short: completed!.units_short,
      },
    }))
    emitEventStep(event)
  })
  releaseLockStep({ key: lockKey })
  const outcome = transform({ scan }, ({ scan }) => scan.outcome)
  return new WorkflowResponse(outcome)
})

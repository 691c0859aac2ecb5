import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type WaveFilters, planWave } from "../../../lib/picking"
import { PickingEvents } from "../events"
import { createWaveStep } from "../steps/create-wave"
import { loadWaveSourceStep } from "../steps/load-wave-source"
import { waveLocationLockKey } from "../../../lib/locks"

export const createWaveWorkflowId = "oms-create-wave-workflow"

export type CreateWaveInput = { stock_location_id: string; filters: WaveFilters; created_by?: string | null }

/**
 * Builds a wave at one stock location from routed, unfulfilled allocations no open wave holds:
 * reads what is waiting (a fixed number of queries), selects and orders it (pure core), stores
 * the wave with its pick list and emits oms.wave.created. Two people creating waves at the
 * same location take turns on the location's lock, so the second wave is built from what the
 * first left; the database's unique index on open wave lines is the last line of defence.
 */
export const createWaveWorkflow = createWorkflow(createWaveWorkflowId, (input: CreateWaveInput) => {
  const lockKey = transform({ input }, ({ input }) => waveLocationLockKey(input.stock_location_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const source = loadWaveSourceStep({ stock_location_id: input.stock_location_id })
  const plan = transform({ source, input }, ({ source, input }) => planWave(source, input.filters, new Date()))
  const wave = createWaveStep({ source, plan, filters: input.filters, created_by: input.created_by })
  const event = transform({ wave }, ({ wave }) => ({
    eventName: PickingEvents.WAVE_CREATED,
    data: { id: wave.id, stock_location_id: wave.stock_location_id, orders: wave.order_count, units: wave.units_total },
  }))
  emitEventStep(event)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(wave)
})

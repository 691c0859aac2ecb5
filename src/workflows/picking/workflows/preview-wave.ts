import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type WaveFilters, planWave } from "../../../lib/picking"
import { loadWaveSourceStep } from "../steps/load-wave-source"

export const previewWaveWorkflowId = "oms-preview-wave-workflow"

export type WavePreview = { orders: number; lines: number; units: number; order_ids: string[] }

/** What createWaveWorkflow would take right now with these filters; writes nothing. */
export const previewWaveWorkflow = createWorkflow(
  previewWaveWorkflowId,
  (input: { stock_location_id: string; filters: WaveFilters }) => {
    const source = loadWaveSourceStep({ stock_location_id: input.stock_location_id })
    const preview = transform({ source, input }, ({ source, input }): WavePreview => {
      const plan = planWave(source, input.filters, new Date())
      return { ...plan.counts, order_ids: plan.orders.map((o) => o.order_id) }
    })
    return new WorkflowResponse(preview)
  }
)

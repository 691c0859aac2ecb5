import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCase, returnsService } from "../utils/case-record"
import type { PlannedRecord } from "../utils/inspection-plan"

export const recordInspectionStepId = "oms-record-inspection"

export type RecordInspectionInput = { return_case_id: string; records: PlannedRecord[]; inspected_by?: string | null }

type Undo = { id: string; status: string; received_at: Date | null; inspection_ids: string[] }

/**
 * Writes the graded entries (oms_return_inspection) and marks the case inspected (received_at
 * set too when the parcel was never scanned in). Compensation removes the rows and puts the
 * status back, so a failed receive in Medusa leaves the case as it was, ready to inspect again.
 */
export const recordInspectionStep = createStep(
  recordInspectionStepId,
  async (input: RecordInspectionInput, { container }) => {
    const service = returnsService(container)
    const before = await readCase(container, input.return_case_id)
    const now = new Date()
    const rows = await service.createReturnInspections(
      input.records.map((r) => ({ ...r, inspected_by: input.inspected_by ?? null, return_case_id: before.id }))
    )
    await service.updateReturnCases({ id: before.id, status: "inspected", inspected_at: now, received_at: before.received_at ?? now })
    const undo: Undo = { id: before.id, status: before.status, received_at: before.received_at ?? null, inspection_ids: rows.map((r: any) => r.id) }
    return new StepResponse({ inspection_ids: undo.inspection_ids }, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const service = returnsService(container)
    if (undo.inspection_ids.length) await service.deleteReturnInspections(undo.inspection_ids)
    await service.updateReturnCases({ id: undo.id, status: undo.status as any, received_at: undo.received_at, inspected_at: null })
  }
)

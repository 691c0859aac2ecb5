import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ReturnEvents } from "../events"
import { caseOrderStep } from "../steps/case-order"
import { checkInspectionStep } from "../steps/check-inspection"
import { ensureRestockLevelsStep } from "../steps/ensure-restock-levels"
import { receiveAtLocationsStep } from "../steps/receive-at-locations"
import { recordInspectionStep } from "../steps/record-inspection"
import { readCaseStep } from "../steps/read-case"
import type { PlanEntry } from "../utils/inspection-plan"

export const inspectReturnWorkflowId = "oms-inspect-return-workflow"

export type InspectReturnInput = { return_case_id: string; entries: PlanEntry[]; inspected_by?: string | null }

/**
 * The inspection of a return, under the order's lock: checked first (state, every unit graded
 * once, locations), then levels the restock needs, the graded entries and the case's status,
 * then Medusa's receive flow per restock location (dismiss for everything not restocked), and
 * `oms.return.inspected` once; the resolution runs off that event.
 */
export const inspectReturnWorkflow = createWorkflow(inspectReturnWorkflowId, (input: InspectReturnInput) => {
  const order = caseOrderStep({ return_case_id: input.return_case_id })
  const key = acquireOrderLock(order.order_id, { timeout: 60, ttl: 300 })
  const checked = checkInspectionStep({ return_case_id: input.return_case_id, entries: input.entries })
  ensureRestockLevelsStep(transform({ checked }, ({ checked }) => checked.missing_levels))
  recordInspectionStep(
    transform({ checked, input }, ({ checked, input }) => ({
      return_case_id: checked.case.id,
      records: checked.plan.records,
      inspected_by: input.inspected_by ?? null,
    }))
  )
  receiveAtLocationsStep(
    transform({ checked, input }, ({ checked, input }) => ({
      return_id: checked.case.return_id,
      sessions: checked.sessions,
      actor: input.inspected_by ?? null,
    }))
  )
  const event = transform({ checked }, ({ checked }) => ({
    eventName: ReturnEvents.INSPECTED,
    data: { id: checked.case.id, order_id: checked.case.order_id, return_id: checked.case.return_id },
  }))
  emitEventStep(event)
  releaseOrderLock(key)
  const view = readCaseStep({ return_case_id: input.return_case_id })
  return new WorkflowResponse(view)
})

import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ReturnEvents } from "../events"
import { RecordCoreReturnInput, recordCoreReturnCaseStep } from "../steps/record-core-return-case"

export const recordCoreReturnWorkflowId = "oms-record-core-return-workflow"

/**
 * Records a return made through Medusa's own routes as a case, under the order's lock: the
 * plugin's own request holds that lock until its case is written, so its returns are seen as
 * recorded and skipped. Emits `oms.return.requested` only for a case it wrote.
 */
export const recordCoreReturnWorkflow = createWorkflow(recordCoreReturnWorkflowId, (input: RecordCoreReturnInput) => {
  const key = acquireOrderLock(input.order_id, { timeout: 120, ttl: 120 })
  const recorded = recordCoreReturnCaseStep(input)
  when("oms-core-return-recorded", { recorded }, ({ recorded }) => recorded.created).then(() => {
    const event = transform({ recorded, input }, ({ recorded, input }) => ({
      eventName: ReturnEvents.REQUESTED,
      data: { id: recorded.id, order_id: input.order_id, return_id: input.return_id },
    }))
    emitEventStep(event)
  })
  releaseOrderLock(key)
  return new WorkflowResponse(recorded)
})

import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ReturnEvents } from "../events"
import { markParcelReceivedStep } from "../steps/mark-parcel-received"
import { caseOrderStep } from "../steps/case-order"
import { caseView } from "../utils/case-view"

export const receiveReturnParcelWorkflowId = "oms-receive-return-parcel-workflow"

export type ReceiveReturnParcelInput = { return_case_id: string; received_by?: string | null }

/**
 * The station scanned a return parcel in: under the order's lock the case goes requested ->
 * receiving and `oms.return.received` is emitted, once however often the parcel is scanned.
 */
export const receiveReturnParcelWorkflow = createWorkflow(receiveReturnParcelWorkflowId, (input: ReceiveReturnParcelInput) => {
  const order = caseOrderStep({ return_case_id: input.return_case_id })
  const key = acquireOrderLock(order.order_id, { timeout: 60, ttl: 120 })
  const received = markParcelReceivedStep(input)
  when({ received }, ({ received }) => received.changed).then(() => {
    const event = transform({ received }, ({ received }) => ({
      eventName: ReturnEvents.RECEIVED,
      data: { id: received.case.id, order_id: received.case.order_id, return_id: received.case.return_id },
    }))
    emitEventStep(event)
  })
  releaseOrderLock(key)
  return new WorkflowResponse(transform({ received }, ({ received }) => ({ return: caseView(received.case), changed: received.changed })))
})

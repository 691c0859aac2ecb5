import { cancelReturnWorkflow, emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { voidLabelWorkflow } from "../../shipping/workflows/void-label"
import { ReturnEvents } from "../events"
import { cancelReturnFulfillmentsStep } from "../steps/cancel-return-fulfillments"
import { caseOrderStep } from "../steps/case-order"
import { checkCancelStep } from "../steps/check-cancel"
import { markCaseCanceledStep } from "../steps/mark-case-canceled"
import { caseView } from "../utils/case-view"

export const cancelReturnCaseWorkflowId = "oms-cancel-return-case-workflow"

export type CancelReturnCaseInput = { return_case_id: string; canceled_by?: string | null; reason?: string | null }

/**
 * Withdraws a return before its parcel arrived, under the order's lock: the case's return
 * label is voided (the shipping capability's void workflow), the return's fulfillments are
 * canceled, Medusa's cancelReturnWorkflow cancels its return, the case is canceled and
 * `oms.return.canceled` emitted (Medusa emits nothing on cancel).
 */
export const cancelReturnCaseWorkflow = createWorkflow(cancelReturnCaseWorkflowId, (input: CancelReturnCaseInput) => {
  const order = caseOrderStep({ return_case_id: input.return_case_id })
  const key = acquireOrderLock(order.order_id, { timeout: 60, ttl: 120 })
  const found = checkCancelStep({ return_case_id: input.return_case_id })
  when({ found }, ({ found }) => !!found.label_id).then(() => {
    voidLabelWorkflow.runAsStep({
      input: transform({ found }, ({ found }) => ({ order_id: found.order_id, label_id: found.label_id! })),
    })
  })
  cancelReturnFulfillmentsStep(transform({ found }, ({ found }) => ({ return_id: found.return_id })))
  when({ found }, ({ found }) => !!found.return_id).then(() => {
    cancelReturnWorkflow.runAsStep({
      input: transform({ found, input }, ({ found, input }) => ({
        return_id: found.return_id!,
        canceled_by: input.canceled_by ?? undefined,
      })),
    })
  })
  const canceled = markCaseCanceledStep(
    transform({ input }, ({ input }) => ({ return_case_id: input.return_case_id, canceled_by: input.canceled_by, reason: input.reason }))
  )
  const event = transform({ canceled }, ({ canceled }) => ({
    eventName: ReturnEvents.CANCELED,
    data: { id: canceled.id, order_id: canceled.order_id, return_id: canceled.return_id },
  }))
  emitEventStep(event)
  releaseOrderLock(key)
  return new WorkflowResponse(transform({ canceled }, ({ canceled }) => ({ return: caseView(canceled) })))
})

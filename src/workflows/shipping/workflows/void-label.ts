import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ShippingEvents } from "../events"
import { VoidLabelInput, voidLabelStep } from "../steps/void-label"
import { labelView } from "../utils/label-view"

export const voidLabelWorkflowId = "oms-void-label-workflow"

/** Voids one of the order's labels under the order's lock; `oms.label.voided` when it changed. */
export const voidLabelWorkflow = createWorkflow(voidLabelWorkflowId, (input: VoidLabelInput) => {
  const key = acquireOrderLock(input.order_id, { timeout: 30 })
  const voided = voidLabelStep(input)
  when({ voided }, ({ voided }) => voided.changed).then(() => {
    const event = transform({ voided }, ({ voided }) => ({
      eventName: ShippingEvents.LABEL_VOIDED,
      data: { id: voided.label.id, order_id: voided.label.order_id, fulfillment_id: voided.label.fulfillment_id },
    }))
    emitEventStep(event)
  })
  releaseOrderLock(key)
  return new WorkflowResponse(transform({ voided }, ({ voided }) => ({ label: labelView(voided.label) })))
})

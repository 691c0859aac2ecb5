import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ShippingEvents } from "../events"
import { BuyReturnLabelInput, buyReturnLabelStep } from "../steps/buy-return-label"
import { labelView } from "../utils/label-view"

export const createReturnLabelWorkflowId = "oms-create-return-label-workflow"

/** A return label for one of the order's parcels, under the order's lock; one per parcel however often asked. */
export const createReturnLabelWorkflow = createWorkflow(createReturnLabelWorkflowId, (input: BuyReturnLabelInput) => {
  const key = acquireOrderLock(input.order_id, { timeout: 30 })
  const bought = buyReturnLabelStep(input)
  when({ bought }, ({ bought }) => bought.created).then(() => {
    const event = transform({ bought }, ({ bought }) => ({
      eventName: ShippingEvents.LABEL_PURCHASED,
      data: { id: bought.label.id, order_id: bought.label.order_id, fulfillment_id: bought.label.fulfillment_id },
    }))
    emitEventStep(event)
  })
  releaseOrderLock(key)
  return new WorkflowResponse(transform({ bought }, ({ bought }) => ({ label: labelView(bought.label), created: bought.created })))
})

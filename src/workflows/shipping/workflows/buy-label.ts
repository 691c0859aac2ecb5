import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ShippingEvents } from "../events"
import { BuyFulfillmentLabelInput, buyFulfillmentLabelStep } from "../steps/buy-fulfillment-label"
import { labelView } from "../utils/label-view"

export const buyLabelWorkflowId = "oms-buy-label-workflow"

/**
 * Buys the label of an existing fulfillment under the order's lock; a fulfillment that has one
 * gets it back. `oms.label.purchased` is emitted when a label was bought.
 */
export const buyLabelWorkflow = createWorkflow(buyLabelWorkflowId, (input: BuyFulfillmentLabelInput) => {
  const key = acquireOrderLock(input.order_id, { timeout: 30 })
  const bought = buyFulfillmentLabelStep(input)
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

import {
  createOrderShipmentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { TrackingUpdate } from "../../../lib/shipping/contract"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { planFulfillmentTrackingStep } from "../steps/plan-fulfillment-tracking"
import { recordTrackingEventsStep } from "../steps/record-tracking-events"
import { ShippingEvents } from "../events"

export const recordTrackingWorkflowId = "oms-record-tracking-workflow"

/** One parcel's update, for the label it belongs to (found by `trackedLabel`). */
export type RecordTrackingInput = {
  label_id: string
  order_id: string
  fulfillment_id: string
  update: TrackingUpdate
}

export type RecordTrackingResult = { label_id: string; added: number; shipped: boolean; delivered: boolean }

/**
 * One parcel's tracking update, from a webhook or a poll: under the order's lock, the new
 * steps are stored (a step told twice is stored once), then the fulfillment is marked shipped
 * through Medusa's createOrderShipmentWorkflow (keeping its labels) and delivered through
 * markOrderFulfillmentAsDeliveredWorkflow, each exactly once however often the carrier tells.
 */
export const recordTrackingWorkflow = createWorkflow(recordTrackingWorkflowId, (input: RecordTrackingInput) => {
  const key = acquireOrderLock(input.order_id, { name: "acquire-tracking-order-lock" })
  const recorded = recordTrackingEventsStep(
    transform({ input }, ({ input }) => ({ label_id: input.label_id, update: input.update }))
  )
  const plan = planFulfillmentTrackingStep(
    transform({ input, recorded }, ({ input, recorded }) => ({
      order_id: input.order_id,
      fulfillment_id: input.fulfillment_id,
      status: recorded.status,
    }))
  )
  when({ plan }, ({ plan }) => !!plan.ship).then(() => {
    createOrderShipmentWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.ship!) })
  })
  when({ plan }, ({ plan }) => !!plan.deliver).then(() => {
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.deliver!) })
    emitEventStep(
      transform({ input }, ({ input }) => ({
        eventName: ShippingEvents.PARCEL_DELIVERED,
        data: {
          id: input.order_id,
          fulfillment_id: input.fulfillment_id,
          label_id: input.label_id,
          tracking_number: input.update.tracking_number,
        },
      }))
    )
  })
  releaseOrderLock(key, { name: "release-tracking-order-lock" })
  const result = transform({ input, recorded, plan }, ({ input, recorded, plan }): RecordTrackingResult => ({
    label_id: input.label_id,
    added: recorded.added,
    shipped: !!plan.ship,
    delivered: !!plan.deliver,
  }))
  return new WorkflowResponse(result)
})

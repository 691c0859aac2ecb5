import {
  createOrderShipmentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { TrackingUpdate } from "../../../lib/shipping/contract"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { findTrackedLabelStep } from "../steps/find-tracked-label"
import { planFulfillmentTrackingStep } from "../steps/plan-fulfillment-tracking"
import { recordTrackingEventsStep } from "../steps/record-tracking-events"
import { TrackingEvents } from "../tracking-events"

export const recordTrackingWorkflowId = "oms-record-tracking-workflow"

export type RecordTrackingInput = { update: TrackingUpdate }

export type RecordTrackingResult = {
  label_id: string | null
  added: number
  shipped: boolean
  delivered: boolean
}

/**
 * One parcel's tracking update, from a webhook or a poll: under the order's lock, the new
 * steps are stored (a step told twice is stored once), then the fulfillment is marked shipped
 * through Medusa's createOrderShipmentWorkflow (keeping its labels) and delivered through
 * markOrderFulfillmentAsDeliveredWorkflow, each exactly once however often the carrier tells.
 */
export const recordTrackingWorkflow = createWorkflow(recordTrackingWorkflowId, (input: RecordTrackingInput) => {
  const lookup = transform({ input }, ({ input }) => ({
    carrier: input.update.carrier,
    tracking_number: input.update.tracking_number,
  }))
  const label = findTrackedLabelStep(lookup)

  const outcome = when({ label }, ({ label }) => !!label).then(() => {
    const orderId = transform({ label }, ({ label }) => label!.order_id)
    const key = acquireOrderLock(orderId, { name: "acquire-tracking-order-lock" })
    const recorded = recordTrackingEventsStep(
      transform({ label, input }, ({ label, input }) => ({ label_id: label!.label_id, update: input.update }))
    )
    const plan = planFulfillmentTrackingStep(
      transform({ label, recorded }, ({ label, recorded }) => ({
        order_id: label!.order_id,
        fulfillment_id: label!.fulfillment_id,
        status: recorded.status,
      }))
    )
    when({ plan }, ({ plan }) => !!plan.ship).then(() => {
      createOrderShipmentWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.ship!) })
    })
    when({ plan }, ({ plan }) => !!plan.deliver).then(() => {
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.deliver!) })
      emitEventStep(
        transform({ label, input }, ({ label, input }) => ({
          eventName: TrackingEvents.PARCEL_DELIVERED,
          data: {
            id: label!.order_id,
            fulfillment_id: label!.fulfillment_id,
            label_id: label!.label_id,
            tracking_number: input.update.tracking_number,
          },
        }))
      )
    })
    releaseOrderLock(key, { name: "release-tracking-order-lock" })
    return transform({ label, recorded, plan }, ({ label, recorded, plan }) => ({
      label_id: label!.label_id,
      added: recorded.added,
      shipped: !!plan.ship,
      delivered: !!plan.deliver,
    }))
  })

  const result = transform({ outcome }, ({ outcome }): RecordTrackingResult =>
    outcome ?? { label_id: null, added: 0, shipped: false, delivered: false }
  )
  return new WorkflowResponse(result)
})

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { TrackingStatus } from "../../../lib/shipping/contract"
import { fulfillmentSteps } from "../../../lib/shipping/tracking"

export const planFulfillmentTrackingStepId = "oms-plan-fulfillment-tracking"

export type FulfillmentTrackingPlan = {
  ship: {
    order_id: string
    fulfillment_id: string
    items: { id: string; quantity: number }[]
    labels: { tracking_number: string; tracking_url: string; label_url: string }[]
  } | null
  deliver: { orderId: string; fulfillmentId: string } | null
}

/**
 * Reads the fulfillment as it is now (under the order's lock) and says what the parcel's
 * status asks of it: Medusa's shipment (with the labels it has, which Medusa would otherwise
 * replace by none) and/or delivery, each only when it has not happened.
 */
export const planFulfillmentTrackingStep = createStep(
  planFulfillmentTrackingStepId,
  async (input: { order_id: string; fulfillment_id: string; status: TrackingStatus | null }, { container }) => {
    const plan: FulfillmentTrackingPlan = { ship: null, deliver: null }
    if (!input.status) return new StepResponse(plan)
    const fulfillments = container.resolve(Modules.FULFILLMENT)
    const [fulfillment] = await fulfillments.listFulfillments({ id: input.fulfillment_id }, { relations: ["items", "labels"] })
    if (!fulfillment) return new StepResponse(plan)
    const steps = fulfillmentSteps(input.status, fulfillment)
    if (steps.ship) {
      plan.ship = {
        order_id: input.order_id,
        fulfillment_id: fulfillment.id,
        items: (fulfillment.items ?? [])
          .filter((i) => i.line_item_id)
          .map((i) => ({ id: i.line_item_id!, quantity: Number(i.quantity) })),
        labels: (fulfillment.labels ?? []).map((l) => ({
          tracking_number: l.tracking_number,
          tracking_url: l.tracking_url,
          label_url: l.label_url,
        })),
      }
    }
    if (steps.deliver) plan.deliver = { orderId: input.order_id, fulfillmentId: fulfillment.id }
    return new StepResponse(plan)
  }
)

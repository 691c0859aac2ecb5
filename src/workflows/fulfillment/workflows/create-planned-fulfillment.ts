import { acquireLockStep, createOrderFulfillmentWorkflow, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { orderLockKey } from "../../routing/utils/order-lock"
import { validateFulfillmentLocationStep } from "../steps/validate-fulfillment-location"

export const createPlannedFulfillmentWorkflowId = "oms-create-planned-fulfillment"

export type CreatePlannedFulfillmentInput = {
  order_id: string
  items: { id: string; quantity: number }[]
  location_id?: string | null
  shipping_option_id?: string
  no_notification?: boolean
  delivery_address?: Record<string, unknown>
  metadata?: Record<string, unknown> | null
  created_by?: string
  additional_data?: Record<string, unknown>
}

/**
 * Medusa's Create Fulfillment, made safe for routed orders: under the order's lock, it refuses
 * a location the order is not reserved at, then runs Medusa's own workflow with that location
 * stated, so stock and reservations move only where they are.
 */
export const createPlannedFulfillmentWorkflow = createWorkflow(
  createPlannedFulfillmentWorkflowId,
  (input: CreatePlannedFulfillmentInput) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const checked = validateFulfillmentLocationStep(input)
    const coreInput = transform({ input, checked }, ({ input, checked }) => ({
      ...input,
      location_id: input.location_id ?? checked.location_id ?? undefined,
    }))
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({ input: coreInput as any })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(fulfillment)
  }
)

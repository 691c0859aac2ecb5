import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { closeDecisionStep } from "../steps/close-decision"
import { orderLockKey } from "../utils/order-lock"

export const closeRoutingDecisionWorkflowId = "oms-close-routing-decision-workflow"

/** order.canceled -> the decision is closed, under the order's lock. */
export const closeRoutingDecisionWorkflow = createWorkflow(
  closeRoutingDecisionWorkflowId,
  (input: { order_id: string; actor?: string }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const decision = closeDecisionStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(decision)
  }
)

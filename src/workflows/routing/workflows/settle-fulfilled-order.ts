import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleDecisionStep } from "../steps/settle-decision"
import { orderLockKey } from "../utils/order-lock"

export const settleFulfilledOrderWorkflowId = "oms-settle-fulfilled-order-workflow"

/** order.fulfillment_created -> when the order is wholly fulfilled, its decision is settled. */
export const settleFulfilledOrderWorkflow = createWorkflow(
  settleFulfilledOrderWorkflowId,
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const settled = settleDecisionStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(settled)
  }
)

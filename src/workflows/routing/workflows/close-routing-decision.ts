import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { closeDecisionStep } from "../steps/close-decision"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"

export const closeRoutingDecisionWorkflowId = "oms-close-routing-decision-workflow"

/** order.canceled -> the decision is closed, under the order's lock. */
export const closeRoutingDecisionWorkflow = createWorkflow(
  closeRoutingDecisionWorkflowId,
  (input: { order_id: string; actor?: string }) => {
    const lockKey = acquireOrderLock(input.order_id, { ttl: 60 })
    const decision = closeDecisionStep(input)
    releaseOrderLock(lockKey)
    return new WorkflowResponse(decision)
  }
)

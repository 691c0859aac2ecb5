import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleDecisionStep } from "../steps/settle-decision"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"

export const settleFulfilledOrderWorkflowId = "oms-settle-fulfilled-order-workflow"

/** order.fulfillment_created -> when the order is wholly fulfilled, its decision is settled. */
export const settleFulfilledOrderWorkflow = createWorkflow(
  settleFulfilledOrderWorkflowId,
  (input: { order_id: string }) => {
    const lockKey = acquireOrderLock(input.order_id, { ttl: 60 })
    const settled = settleDecisionStep(input)
    releaseOrderLock(lockKey)
    return new WorkflowResponse(settled)
  }
)

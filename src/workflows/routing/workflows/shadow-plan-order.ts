import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { shadowLockKey } from "../../../lib/locks"
import { shadowPlanStep } from "../steps/shadow-plan"

export const shadowPlanOrderWorkflowId = "oms-shadow-plan-order-workflow"

/**
 * After the live decision: plan the order with the drafts running in shadow. Its own lock per
 * order (not the order lock: shadow only reads the order and writes its own rows), so two
 * deliveries of the same event cannot both create a row.
 */
export const shadowPlanOrderWorkflow = createWorkflow(shadowPlanOrderWorkflowId, (input: { order_id: string }) => {
  const key = transform({ input }, ({ input }) => shadowLockKey(input.order_id))
  acquireLockStep({ key, timeout: 30, ttl: 60 })
  const result = shadowPlanStep(input)
  releaseLockStep({ key })
  return new WorkflowResponse(result)
})

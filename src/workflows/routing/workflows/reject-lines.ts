import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { correctStockStep } from "../steps/correct-stock"
import { loadRoutingContextStep } from "../steps/load-routing-context"
import { planAndReserveStep } from "../steps/plan-and-reserve"
import { recordDecisionStep } from "../steps/record-decision"
import { RejectLinesInput, validateRejectionStep } from "../steps/validate-rejection"
import { emitDecisionEvent } from "../utils/emit-decision-event"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"

export const rejectLinesWorkflowId = "oms-reject-lines-workflow"

/**
 * A location rejects lines (not in stock, damaged, no capacity): the order is routed again
 * without that location, from now on; for missing or damaged units the location's stock is
 * lowered so the next order is not sent there for them either. All under the order's lock.
 */
export const rejectLinesWorkflow = createWorkflow(rejectLinesWorkflowId, (input: RejectLinesInput) => {
  const lockKey = acquireOrderLock(input.order_id)
  const rejection = validateRejectionStep(input)
  const routeInput = transform({ input }, ({ input }) => ({
    order_id: input.order_id,
    force: true,
    exclude_location_ids: [input.location_id],
  }))
  const context = loadRoutingContextStep(routeInput)
  const result = planAndReserveStep({ context })
  const decision = recordDecisionStep({
    context,
    result,
    actor: input.actor,
    action: "rejected",
    summary: rejection.summary,
  })
  const correction = transform({ input, rejection }, ({ input, rejection }) => ({
    location_id: input.location_id,
    reason: input.reason,
    units: rejection.units,
  }))
  correctStockStep(correction)
  emitDecisionEvent(decision as any, input.order_id)
  releaseOrderLock(lockKey)
  return new WorkflowResponse(decision)
})

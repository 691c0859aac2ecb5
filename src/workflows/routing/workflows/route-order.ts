import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadRoutingContextStep } from "../steps/load-routing-context"
import { planAndReserveStep } from "../steps/plan-and-reserve"
import { recordDecisionStep } from "../steps/record-decision"
import { emitDecisionEvent } from "../utils/emit-decision-event"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"

export const routeOrderWorkflowId = "oms-route-order-workflow"

export type RouteOrderInput = {
  order_id: string
  /** Route again although the order has a decision (admin "re-route"). */
  force?: boolean
  actor?: string
  /** Automatic retries (stock arrived): no new history entry or event when nothing changed. */
  only_if_changed?: boolean
}

/**
 * Routes one order: under the order's lock, loads what routing needs, plans on fresh stock
 * and moves the reservations (under the inventory locks), records the decision and emits
 * oms.order.routed / held / backordered. An order that already has a decision is left alone,
 * so a duplicate order.placed is a no-op.
 */
export const routeOrderWorkflow = createWorkflow(routeOrderWorkflowId, (input: RouteOrderInput) => {
  const lockKey = acquireOrderLock(input.order_id)
  const context = loadRoutingContextStep(input)
  const result = planAndReserveStep({ context })
  const action = transform({ input }, ({ input }) => (input.force ? "re-routed" : "routed"))
  const decision = recordDecisionStep({
    context,
    result,
    actor: input.actor,
    action,
    only_if_changed: input.only_if_changed,
  })

  emitDecisionEvent(decision as any, input.order_id)
  releaseOrderLock(lockKey)

  const response = transform({ decision, context }, ({ decision, context }) => ({
    decision,
    skipped: context.skip,
  }))
  return new WorkflowResponse(response)
})

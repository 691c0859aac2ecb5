import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { routeOrderWorkflow } from "../../routing/workflows/route-order"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ReturnEvents } from "../events"
import { claimCaseResolutionStep } from "../steps/claim-case-resolution"
import { loadResolutionCaseStep } from "../steps/load-resolution-case"
import { ReleasedResolution, releaseResolutionStep } from "../steps/release-resolution"

export const resolveReturnWorkflowId = "oms-resolve-return-workflow"

export type ResolveReturnInput = {
  return_case_id: string
  /** The admin's retry of a failed resolution (POST /admin/oms/returns/:id/resolve). */
  retry?: boolean
  actor?: string | null
}

/**
 * Releases an inspected return's refund, store credit or exchange exactly once, under the
 * order's lock: the claim decides who runs, the release pays and records, and
 * `oms.return.resolved` is emitted only by the run that finished it. After an exchange the
 * routing engine re-plans the order (as a nested workflow its own order lock step stands
 * aside: this workflow holds that lock), moving the new items' reservations where it wants.
 */
export const resolveReturnWorkflow = createWorkflow(resolveReturnWorkflowId, (input: ResolveReturnInput) => {
  const target = loadResolutionCaseStep(input)
  const key = acquireOrderLock(target.order_id, { timeout: 60, ttl: 300 })
  const claim = claimCaseResolutionStep(input)
  const released = when({ claim }, ({ claim }) => claim.claimed).then(() => releaseResolutionStep(input))
  when("route-exchanged-items", { released }, ({ released }) => Boolean(released?.done && released.resolution === "exchange")).then(
    () => {
      const route = transform({ target, input }, ({ target, input }) => ({
        order_id: target.order_id,
        force: true,
        actor: input.actor ?? "returns",
      }))
      routeOrderWorkflow.runAsStep({ input: route })
    }
  )
  when("emit-resolved", { released }, ({ released }) => Boolean(released?.done)).then(() => {
    const event = transform({ released }, ({ released }) => {
      const done = released as Extract<ReleasedResolution, { done: true }>
      return {
        eventName: ReturnEvents.RESOLVED,
        data: { id: done.id, order_id: done.order_id, return_id: done.return_id, resolution: done.resolution, amount: done.amount },
      }
    })
    emitEventStep(event)
  })
  releaseOrderLock(key)
  return new WorkflowResponse(
    transform({ claim, released }, ({ claim, released }) => ({
      claimed: claim.claimed,
      done: Boolean(released?.done),
      error: released && !released.done ? released.error : claim.claimed ? null : claim.why,
    }))
  )
})

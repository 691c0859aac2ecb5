import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MoveLinesInput, moveReservationsStep } from "../steps/move-reservations"
import { noteOnDecisionStep } from "../steps/note-on-decision"
import { orderLockKey } from "../utils/order-lock"

export const moveLinesWorkflowId = "oms-move-lines-workflow"

/** A person moves lines to another location (validated against its free stock), under the order's lock. */
export const moveLinesWorkflow = createWorkflow(
  moveLinesWorkflowId,
  (input: MoveLinesInput & { actor?: string; to_location_name?: string }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    moveReservationsStep(input)
    const note = transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      action: "moved",
      actor: input.actor,
      summary: `Moved ${input.items.length} line(s) to ${input.to_location_name ?? input.to_location_id} by hand.`,
    }))
    const decision = noteOnDecisionStep(note)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(decision)
  }
)

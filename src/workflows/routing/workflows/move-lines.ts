import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MoveLinesInput, moveReservationsStep } from "../steps/move-reservations"
import { noteOnDecisionStep } from "../steps/note-on-decision"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"

export const moveLinesWorkflowId = "oms-move-lines-workflow"

/** A person moves lines to another location (validated against its free stock), under the order's lock. */
export const moveLinesWorkflow = createWorkflow(
  moveLinesWorkflowId,
  (input: MoveLinesInput & { actor?: string; to_location_name?: string }) => {
    const lockKey = acquireOrderLock(input.order_id)
    moveReservationsStep(input)
    const note = transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      action: "moved",
      actor: input.actor,
      summary: `Moved ${input.items.length} line(s) to ${input.to_location_name ?? input.to_location_id} by hand.`,
    }))
    const decision = noteOnDecisionStep(note)
    releaseOrderLock(lockKey)
    return new WorkflowResponse(decision)
  }
)

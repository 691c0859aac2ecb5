import { emitEventStep } from "@medusajs/core-flows"
import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { eventForStatus } from "../events"

/**
 * Composition helper: when a decision was recorded, emit oms.order.routed / held /
 * backordered for it. Nothing is emitted when the workflow left the decision alone.
 */
export function emitDecisionEvent(
  decision: WorkflowData<{ id: string; status: string } | null>,
  orderId: WorkflowData<string> | string
) {
  when({ decision }, ({ decision }) => !!decision).then(() => {
    const event = transform({ decision, orderId }, ({ decision, orderId }) => ({
      eventName: eventForStatus(decision!.status),
      data: { id: orderId, decision_id: decision!.id, status: decision!.status },
    }))
    emitEventStep(event)
  })
}

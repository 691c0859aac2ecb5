import {
  beginReceiveReturnWorkflow,
  cancelReturnReceiveWorkflow,
  confirmReturnReceiveWorkflow,
  dismissItemReturnRequestWorkflow,
  receiveItemReturnRequestWorkflow,
  updateReturnWorkflow,
} from "@medusajs/core-flows"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReceiveSession } from "../utils/inspection-plan"

export const receiveAtLocationsStepId = "oms-receive-at-locations"

export type ReceiveAtLocationsInput = { return_id: string; sessions: ReceiveSession[]; actor?: string | null }

/**
 * Medusa's own receive flow, once per restock location: begin a receive session, set the
 * return's location_id to that location (updateReturnWorkflow, allowed while the session is
 * the active order change), receive the restocked units and, in the first session, dismiss
 * every unit that is not restocked, then confirm. Medusa's confirm raises stocked quantity at
 * the return's location_id for received units only, so each location gets exactly its units
 * and dismissed units are counted as damaged/written off without touching stock.
 *
 * A session that fails before its confirm is canceled (its order change deleted) so the order
 * has no active change left behind. Sessions run one after another: an order has one active
 * order change at a time. Confirmed sessions cannot be undone in Medusa; this is the
 * workflow's last step, after every check, so a failure here is Medusa refusing.
 */
export const receiveAtLocationsStep = createStep(receiveAtLocationsStepId, async (input: ReceiveAtLocationsInput, { container }) => {
  const confirmed: string[] = []
  for (const session of input.sessions) {
    await beginReceiveReturnWorkflow(container).run({ input: { return_id: input.return_id, created_by: input.actor ?? undefined } })
    try {
      if (session.location_id) {
        await updateReturnWorkflow(container).run({ input: { return_id: input.return_id, location_id: session.location_id } })
      }
      if (session.receive.length) {
        await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: input.return_id, items: session.receive } })
      }
      if (session.dismiss.length) {
        await dismissItemReturnRequestWorkflow(container).run({ input: { return_id: input.return_id, items: session.dismiss } })
      }
      await confirmReturnReceiveWorkflow(container).run({ input: { return_id: input.return_id, confirmed_by: input.actor ?? undefined } })
    } catch (e) {
      await cancelReturnReceiveWorkflow(container)
        .run({ input: { return_id: input.return_id } })
        .catch(() => undefined)
      throw e
    }
    confirmed.push(session.location_id ?? "none")
  }
  return new StepResponse({ confirmed_sessions: confirmed })
})

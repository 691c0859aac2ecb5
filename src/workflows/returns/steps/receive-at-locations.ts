import {
  beginReceiveReturnWorkflow,
  cancelReturnReceiveWorkflow,
  confirmReturnReceiveWorkflow,
  dismissItemReturnRequestWorkflow,
  receiveItemReturnRequestWorkflow,
  updateReturnWorkflow,
} from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
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
 * Medusa's confirm writes a return item's received/damaged quantity as that session's
 * quantity, not added to earlier sessions (the order item's own counters do add up). So when
 * one line is received over several sessions, the return items are set afterwards to the
 * totals and the return's status to received when every unit is in (settleReturnItems).
 *
 * A session that fails before its confirm is canceled (its order change deleted) so the order
 * has no active change left behind. Sessions run one after another: an order has one active
 * order change at a time. Confirmed sessions cannot be undone in Medusa; this is the
 * workflow's last step, after every check, so a failure here is Medusa refusing.
 */
export const receiveAtLocationsStep = createStep(receiveAtLocationsStepId, async (input: ReceiveAtLocationsInput, { container }) => {
  const confirmed: string[] = []
  const before = await returnItems(container, input.return_id)
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
  await settleReturnItems(container, input, before)
  return new StepResponse({ confirmed_sessions: confirmed })
})

type ReturnItemRow = { id: string; item_id: string; quantity: number; received_quantity: number; damaged_quantity: number }

async function returnItems(container: any, returnId: string): Promise<ReturnItemRow[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "return",
    fields: ["id", "items.id", "items.item_id", "items.quantity", "items.received_quantity", "items.damaged_quantity"],
    filters: { id: returnId },
  })
  return ((data[0] as any)?.items ?? []).map((i: any) => ({
    id: i.id,
    item_id: i.item_id,
    quantity: Number(i.quantity),
    received_quantity: Number(i.received_quantity ?? 0),
    damaged_quantity: Number(i.damaged_quantity ?? 0),
  }))
}

/** Return items set to what came in before plus every session's units; status from the totals. */
async function settleReturnItems(container: any, input: ReceiveAtLocationsInput, before: ReturnItemRow[]) {
  const received = new Map<string, number>()
  const damaged = new Map<string, number>()
  const add = (m: Map<string, number>, id: string, q: number) => m.set(id, (m.get(id) ?? 0) + q)
  for (const s of input.sessions) {
    for (const i of s.receive) add(received, i.id, i.quantity)
    for (const i of s.dismiss) {
      add(received, i.id, i.quantity)
      add(damaged, i.id, i.quantity)
    }
  }
  const after = await returnItems(container, input.return_id)
  const updates = after
    .map((item) => {
      const old = before.find((b) => b.id === item.id)
      return {
        id: item.id,
        received_quantity: (old?.received_quantity ?? 0) + (received.get(item.item_id) ?? 0),
        damaged_quantity: (old?.damaged_quantity ?? 0) + (damaged.get(item.item_id) ?? 0),
        current: item,
      }
    })
  const changed = updates.filter((u) => u.received_quantity !== u.current.received_quantity || u.damaged_quantity !== u.current.damaged_quantity)
  const order = container.resolve(Modules.ORDER)
  if (changed.length) {
    await order.updateReturnItems(changed.map(({ current: _c, ...u }) => u))
  }
  const all = updates.every((u) => u.received_quantity >= u.current.quantity)
  if (changed.length && all) {
    await order.updateReturns([{ id: input.return_id, status: "received", received_at: new Date() }])
  }
}

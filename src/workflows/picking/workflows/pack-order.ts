import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPlannedFulfillmentWorkflow } from "../../fulfillment/workflows/create-planned-fulfillment"
import { PickingEvents } from "../events"
import { PackOrderInput, preparePackStep } from "../steps/prepare-pack"
import { recordPackStep } from "../steps/record-pack"
import { waveLockKey } from "../../../lib/locks"
import { packLabelKey } from "../../../lib/shipping/label-key"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"

export const packOrderWorkflowId = "oms-pack-order-workflow"

export type PackOrderResult = {
  pack: { id: string; status: "packed"; fulfillment_id: string | null }
  created: boolean
}

/**
 * Packs one order of a wave: under the wave's lock, then the order's (always in that order, as
 * a short pick takes them), the pack row is checked first, so asking twice, even at the same
 * moment, returns the first pack and creates one fulfillment. Otherwise the plugin's
 * plan-respecting fulfilment runs at the wave's location with the picked units (it consumes
 * only that location's reservations), the pack is recorded and oms.order.packed emitted.
 */
export const packOrderWorkflow = createWorkflow(packOrderWorkflowId, (input: PackOrderInput) => {
  const waveKey = transform({ input }, ({ input }) => waveLockKey(input.wave_id))
  acquireLockStep({ key: waveKey, timeout: 60, ttl: 120 }).config({ name: "acquire-wave-lock" })
  const orderKey = acquireOrderLock(input.order_id, { timeout: 60, name: "acquire-order-lock" })
  const prepared = preparePackStep(input)

  const created = when({ prepared }, ({ prepared }) => !prepared.existing).then(() => {
    const fulfillmentInput = transform({ prepared, input }, ({ prepared, input }) => ({
      order_id: input.order_id,
      location_id: prepared.location_id,
      items: prepared.items.map((i) => ({ id: i.line_item_id, quantity: i.quantity })),
      created_by: input.actor,
      // The carrier provider buys the label with the pack's own key (one per wave and order),
      // so a pack retried after Medusa deleted a failed fulfillment finds the label it bought.
      metadata: {
        oms_wave_id: input.wave_id,
        oms_label_key: packLabelKey(input.order_id, input.wave_id),
        oms_parcel: prepared.parcel,
      },
    }))
    const fulfillment = createPlannedFulfillmentWorkflow.runAsStep({ input: fulfillmentInput })
    const recordInput = transform({ prepared, input, fulfillment }, ({ prepared, input, fulfillment }) => ({
      wave_id: input.wave_id,
      order_id: input.order_id,
      fulfillment_id: (fulfillment as { id: string }).id,
      parcel: prepared.parcel,
      items: prepared.items,
      actor: input.actor,
    }))
    const pack = recordPackStep(recordInput)
    const event = transform({ pack, input }, ({ pack, input }) => ({
      eventName: PickingEvents.ORDER_PACKED,
      data: { id: input.order_id, wave_id: input.wave_id, fulfillment_id: pack.fulfillment_id },
    }))
    emitEventStep(event)
    return pack
  })

  releaseOrderLock(orderKey, { name: "release-order-lock" })
  releaseLockStep({ key: waveKey }).config({ name: "release-wave-lock" })
  const result = transform({ prepared, created }, ({ prepared, created }): PackOrderResult =>
    prepared.existing ? { pack: prepared.existing, created: false } : { pack: created!, created: true }
  )
  return new WorkflowResponse(result)
})

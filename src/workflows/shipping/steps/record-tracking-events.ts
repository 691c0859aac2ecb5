import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TrackingUpdate } from "../../../lib/shipping/contract"
import { latestStatus, trackingEventKey } from "../../../lib/shipping/tracking"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"

export const recordTrackingEventsStepId = "oms-record-tracking-events"

export type RecordTrackingEventsInput = { label_id: string; update: TrackingUpdate }

/**
 * Stores the update's steps the label does not have yet (by key: a step told twice is stored
 * once) and answers the label's status over every step it has. Runs under the order's lock, so
 * two deliveries of the same update cannot both insert. Undone by deleting what it inserted.
 */
export const recordTrackingEventsStep = createStep(
  recordTrackingEventsStepId,
  async (input: RecordTrackingEventsInput, { container }) => {
    const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
    const tn = input.update.tracking_number
    const keyed = input.update.events.map((e) => ({ ...e, event_key: trackingEventKey(tn, e) }))
    const existing = (await shipping.listTrackingEvents(
      { label_id: input.label_id },
      { take: null, select: ["event_key", "status", "occurred_at"] }
    )) as unknown as { event_key: string; status: any; occurred_at: Date }[]
    const known = new Set(existing.map((e) => e.event_key))
    const fresh = keyed.filter((e, i) => !known.has(e.event_key) && keyed.findIndex((k) => k.event_key === e.event_key) === i)
    const created = fresh.length
      ? ((await shipping.createTrackingEvents(
          fresh.map((e) => ({
            label_id: input.label_id,
            tracking_number: tn,
            status: e.status,
            occurred_at: new Date(e.occurred_at),
            description: e.description ?? "",
            location: e.location ?? null,
            event_key: e.event_key,
          }))
        )) as unknown as { id: string }[])
      : []
    const status = latestStatus([
      ...existing.map((e) => ({ status: e.status, occurred_at: new Date(e.occurred_at).toISOString() })),
      ...fresh,
    ])
    return new StepResponse({ added: created.length, status }, created.map((c) => c.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) return
    await container.resolve<ShippingModuleService>(SHIPPING_MODULE).deleteTrackingEvents(ids)
  }
)

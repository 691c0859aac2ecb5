import type { MedusaContainer } from "@medusajs/framework/types"
import type { TrackingUpdate } from "../../../lib/shipping/contract"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"
import { recordTrackingWorkflow, RecordTrackingResult } from "../workflows/record-tracking"

export type TrackedLabel = { label_id: string; order_id: string; fulfillment_id: string }

/**
 * The outbound label a tracking number belongs to, with its order and fulfillment. Null when
 * the plugin did not buy it (an account shared with another system) or it is tied to no
 * fulfillment: such updates are acknowledged and ignored.
 */
export async function trackedLabel(container: MedusaContainer, carrier: string, trackingNumber: string): Promise<TrackedLabel | null> {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const rows = (await shipping.listLabels(
    { carrier, tracking_numbers: { $contains: [trackingNumber] } } as any,
    { take: 5 }
  )) as unknown as { id: string; order_id: string | null; fulfillment_id: string | null; kind: string; status: string }[]
  const label = rows.find((r) => r.kind === "outbound" && r.order_id && r.fulfillment_id && r.status !== "failed")
  return label ? { label_id: label.id, order_id: label.order_id!, fulfillment_id: label.fulfillment_id! } : null
}

/** Applies one update to the label it belongs to; null when the plugin does not know the parcel. */
export async function applyTrackingUpdate(container: MedusaContainer, update: TrackingUpdate): Promise<RecordTrackingResult | null> {
  const label = await trackedLabel(container, update.carrier, update.tracking_number)
  if (!label) return null
  const { result } = await recordTrackingWorkflow(container).run({ input: { ...label, update } })
  return result
}

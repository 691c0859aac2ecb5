import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { latestStatus } from "../../../lib/shipping/tracking"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"
import type { AdminLabelTracking } from "../../../types/shipping/tracking"

/** A label's tracking timeline with its fulfillment's shipped/delivered times (two queries). */
export async function labelTracking(container: MedusaContainer, labelId: string): Promise<AdminLabelTracking> {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const row = await shipping.retrieveLabelRow(labelId)
  const events = (await shipping.listTrackingEvents({ label_id: labelId }, { take: null, order: { occurred_at: "ASC" } })) as any[]
  const [fulfillment] = row.fulfillment_id
    ? await container.resolve(Modules.FULFILLMENT).listFulfillments({ id: row.fulfillment_id }, { select: ["id", "shipped_at", "delivered_at"] })
    : []
  const steps = events.map((e) => ({
    tracking_number: e.tracking_number,
    status: e.status,
    occurred_at: e.occurred_at,
    description: e.description,
    location: e.location,
  }))
  return {
    label_id: row.id,
    status: latestStatus(steps.map((s) => ({ status: s.status, occurred_at: new Date(s.occurred_at).toISOString() }))),
    shipped_at: fulfillment?.shipped_at ?? null,
    delivered_at: fulfillment?.delivered_at ?? null,
    steps,
  }
}

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../modules/shipping"

export const findTrackedLabelStepId = "oms-find-tracked-label"

export type TrackedLabel = { label_id: string; order_id: string; fulfillment_id: string } | null

/**
 * The purchased outbound label a tracking number belongs to, with its order and fulfillment.
 * Null when the plugin did not buy it (a carrier account shared with another system) or the
 * label is not tied to a fulfillment: such updates are acknowledged and ignored.
 */
export const findTrackedLabelStep = createStep(
  findTrackedLabelStepId,
  async (input: { carrier: string; tracking_number: string }, { container }) => {
    const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
    const rows = (await shipping.listLabels(
      { carrier: input.carrier, tracking_numbers: { $contains: [input.tracking_number] } } as any,
      { take: 5 }
    )) as unknown as { id: string; order_id: string | null; fulfillment_id: string | null; kind: string; status: string }[]
    const label = rows.find((r) => r.kind === "outbound" && r.order_id && r.fulfillment_id && r.status !== "failed")
    const found: TrackedLabel = label ? { label_id: label.id, order_id: label.order_id!, fulfillment_id: label.fulfillment_id! } : null
    return new StepResponse(found)
  }
)

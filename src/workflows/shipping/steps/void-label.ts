import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_MODULE } from "../../../modules/shipping"
import type ShippingModuleService from "../../../modules/shipping/service"
import type { LabelRow } from "../../../modules/shipping/types"

export const voidLabelStepId = "oms-void-label"

export type VoidLabelInput = { order_id: string; label_id: string }

/**
 * Voids one of the order's labels at the carrier (asking again is a no-op; a refusal is a 400
 * with the carrier's reason). A label of a shipped fulfillment is refused: the parcel is on its
 * way. No compensation: a carrier cannot un-void, and the step is the workflow's last change.
 */
export const voidLabelStep = createStep(voidLabelStepId, async (input: VoidLabelInput, { container }) => {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const label = await shipping.retrieveLabelRow(input.label_id)
  if (label.order_id !== input.order_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Label ${input.label_id} is not a label of order ${input.order_id}`)
  }
  if (label.fulfillment_id && label.kind === "outbound" && label.status === "purchased") {
    const [fulfillment] = await container
      .resolve(Modules.FULFILLMENT)
      .listFulfillments({ id: label.fulfillment_id }, { select: ["id", "shipped_at"] })
    if (fulfillment?.shipped_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Label ${label.id} belongs to a shipped fulfillment; the parcel is on its way and cannot be voided`)
    }
  }
  const before = label.status
  const voided: LabelRow = await shipping.voidLabel(label.id)
  return new StepResponse({ label: voided, changed: before !== voided.status })
})

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_MODULE } from "../../../modules/shipping"
import type ShippingModuleService from "../../../modules/shipping/service"
import type { LabelRow } from "../../../modules/shipping/types"
import type { ShipmentRequest } from "../../../lib/shipping/contract"

export const buyReturnLabelStepId = "oms-buy-return-label"

export type BuyReturnLabelInput = {
  order_id: string
  /** The outbound label the parcel came with: the return goes the other way. */
  label_id: string
  carrier_account_id?: string
  service_code?: string | null
  actor?: string
}

/**
 * A return label for a parcel the order shipped: from the customer (the outbound label's
 * recipient) back to the location it left from, through the ledger under
 * `return-of:<outbound label id>`, so asking twice gives one return label. Compensation voids
 * a label this step bought.
 */
export const buyReturnLabelStep = createStep(
  buyReturnLabelStepId,
  async (input: BuyReturnLabelInput, { container }) => {
    const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
    const outbound = await shipping.retrieveLabelRow(input.label_id)
    if (outbound.order_id !== input.order_id || outbound.kind !== "outbound") {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Label ${input.label_id} is not an outbound label of order ${input.order_id}`)
    }
    if (outbound.status !== "purchased") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Label ${outbound.id} is ${outbound.status}; a return label needs a parcel that was sent`)
    }
    const key = `return-of:${outbound.id}`
    const live = await shipping.liveLabel(key)
    const sent = outbound.request as ShipmentRequest
    const { reference: _r, ...shipment } = sent
    const label = await shipping.purchase({
      idempotency_key: key,
      kind: "return",
      order_id: outbound.order_id,
      fulfillment_id: outbound.fulfillment_id,
      location_id: outbound.location_id,
      carrier_account_id: input.carrier_account_id ?? outbound.carrier_account_id,
      service_code: input.service_code ?? outbound.service_code,
      // The contract's return label: shipment.from = the customer, shipment.to = the warehouse.
      shipment: { ...shipment, from: sent.to, to: sent.from, customs: sent.customs ?? null },
      format: outbound.format,
      size: outbound.size,
      created_by: input.actor ?? null,
    })
    const created = live?.id !== label.id || live?.status !== "purchased"
    return new StepResponse({ label, created } as { label: LabelRow; created: boolean }, (created ? label.id : null) as string | null)
  },
  async (labelId: string | null | undefined, { container }) => {
    if (!labelId) return
    await container.resolve<ShippingModuleService>(SHIPPING_MODULE).voidLabel(labelId)
  }
)

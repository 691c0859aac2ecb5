import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_MODULE } from "../../../modules/shipping"
import type ShippingModuleService from "../../../modules/shipping/service"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import { shipmentOf, toShippingAddress } from "../../../providers/carrier/shipment"
import { expectedRefund, type ReturnPlan } from "../utils/return-plan"

export const buyCaseReturnLabelStepId = "oms-buy-case-return-label"

export type BuyCaseReturnLabelInput = {
  case_id: string
  plan: ReturnPlan
}

/** The return parcel when nothing says better: 1 kg in a 300 x 200 x 100 mm box (as the carrier provider assumes). */
const RETURN_BOX = { weight: 1000, length: 300, width: 200, height: 100 }

/**
 * Buys the return label through the carrier labels ledger: from the customer's shipping
 * address to the destination location, on the carrier account of that location's return
 * option, keyed `return-case:<case id>` so a retried step buys once. The case gets the label
 * and its tracking number (and, when the policy charges the carrier's rate, that price in its
 * terms and promised refund). Compensation voids the label.
 */
export const buyCaseReturnLabelStep = createStep(
  buyCaseReturnLabelStepId,
  async ({ case_id, plan }: BuyCaseReturnLabelInput, { container }) => {
    const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
    const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const label = await shipping.purchase({
      idempotency_key: `return-case:${case_id}`,
      kind: "return",
      order_id: plan.order.id,
      location_id: plan.location_id,
      carrier_account_id: plan.carrier!.account_id,
      service_code: plan.carrier!.service_code,
      shipment: shipmentOf({
        from: toShippingAddress(plan.order.shipping_address as any, null, plan.order.email),
        to: toShippingAddress(plan.location_address as any, plan.location_name),
        items: plan.lines.map((l) => ({ quantity: l.quantity, title: l.title, variant_sku: l.sku })),
        currency_code: plan.order.currency_code,
        parcel: RETURN_BOX,
        customs: false,
      }),
    })
    const tracking = label.tracking_numbers?.[0] ?? label.parcels?.[0]?.tracking_number ?? null
    const update: Record<string, unknown> = { id: case_id, label_id: label.id, tracking_number: tracking }
    if (plan.terms.shipping.mode === "carrier_rate" && label.amount != null) {
      const terms = { ...plan.terms, label_amount: Number(label.amount) }
      update.terms = terms
      update.expected_refund = expectedRefund(plan.order.currency_code, plan.lines, terms)
    }
    await returns.updateReturnCases(update as any)
    return new StepResponse({ label_id: label.id, tracking_number: tracking }, label.id)
  },
  async (labelId: string | undefined, { container }) => {
    if (!labelId) return
    await container.resolve<ShippingModuleService>(SHIPPING_MODULE).voidLabel(labelId)
  }
)

import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_MODULE } from "../../../modules/shipping"
import type ShippingModuleService from "../../../modules/shipping/service"
import type { LabelRow } from "../../../modules/shipping/types"
import { labelFileUrl } from "../../../providers/carrier/service"
import { loadFulfillmentShipment } from "../utils/fulfillment-shipment"
import { paceDeps } from "../utils/pace"

export const buyFulfillmentLabelStepId = "oms-buy-fulfillment-label"

export type BuyFulfillmentLabelInput = {
  order_id: string
  fulfillment_id: string
  carrier_account_id: string
  /** null or missing: rate shop (the cheapest quote). */
  service_code?: string | null
  format?: "pdf" | "zpl"
  size?: "4x6" | "a4" | "letter"
  actor?: string
}

export type BoughtLabel = { label: LabelRow; created: boolean }

/**
 * A label for a fulfillment that exists already (made by hand, or whose label was voided):
 * bought through the ledger under `label:<fulfillment id>` (the id is stable here: the
 * fulfillment is not being created). A fulfillment that already has a purchased label gets it
 * back, nothing new. The label joins the fulfillment's labels in Medusa (the old ones kept:
 * Medusa replaces the whole set on update). Compensation voids a label this step bought.
 */
export const buyFulfillmentLabelStep = createStep(
  buyFulfillmentLabelStepId,
  async (input: BuyFulfillmentLabelInput, { container }) => {
    const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
    const [existing] = (await shipping.listLabels(
      { fulfillment_id: input.fulfillment_id, status: ["purchased", "unknown", "pending"], kind: "outbound" },
      { take: 1 }
    )) as unknown as LabelRow[]
    if (existing?.status === "purchased") return new StepResponse({ label: existing, created: false } as BoughtLabel, null as string | null)
    const { order, fulfillment, shipment } = await loadFulfillmentShipment(container, input.order_id, input.fulfillment_id)
    if (fulfillment.shipped_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Fulfillment ${fulfillment.id} of order #${order.display_id} is shipped already; a label now would be a second one`)
    }
    const label = await shipping.purchase({
      idempotency_key: existing?.idempotency_key ?? `label:${input.fulfillment_id}:${await nextSeries(shipping, input.fulfillment_id)}`,
      order_id: input.order_id,
      fulfillment_id: input.fulfillment_id,
      location_id: fulfillment.location_id,
      carrier_account_id: input.carrier_account_id,
      service_code: input.service_code ?? null,
      shipment,
      format: input.format,
      size: input.size,
      created_by: input.actor ?? null,
    }, paceDeps(container))
    const fulfillments = container.resolve(Modules.FULFILLMENT)
    const kept = ((fulfillment.labels ?? []) as any[]).map((l) => ({
      tracking_number: l.tracking_number,
      tracking_url: l.tracking_url,
      label_url: l.label_url,
    }))
    await fulfillments.updateFulfillment(fulfillment.id, {
      labels: [
        ...kept,
        ...(label.parcels ?? []).map((p, k) => ({
          tracking_number: p.tracking_number,
          tracking_url: p.tracking_url ?? "",
          label_url: labelFileUrl(label.id, k),
        })),
      ],
    })
    return new StepResponse({ label, created: true } as BoughtLabel, label.id as string | null)
  },
  async (labelId: string | null | undefined, { container }) => {
    if (!labelId) return
    await container.resolve<ShippingModuleService>(SHIPPING_MODULE).voidLabel(labelId)
  }
)

/** After a voided label, the fulfillment's next purchase is a new one: keys are numbered per fulfillment. */
async function nextSeries(shipping: ShippingModuleService, fulfillmentId: string): Promise<number> {
  const rows = (await shipping.listLabels({ fulfillment_id: fulfillmentId, kind: "outbound" }, { select: ["status"], take: null })) as unknown as {
    status: string
  }[]
  return rows.filter((r) => r.status === "voided" || r.status === "void_pending").length
}

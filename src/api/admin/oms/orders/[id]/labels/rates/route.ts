import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isCarrierError } from "../../../../../../../lib/shipping/errors"
import { byCheapest, explainCheapest } from "../../../../../../../lib/shipping/rate-order"
import { SHIPPING_MODULE } from "../../../../../../../modules/shipping"
import type ShippingModuleService from "../../../../../../../modules/shipping/service"
import type { AdminOrderLabelRatesResponse } from "../../../../../../../types/shipping"
import { loadFulfillmentShipment } from "../../../../../../../workflows/shipping/utils/fulfillment-shipment"
import { requireOrder } from "../route"
import type { AdminOrderLabelRatesQueryType } from "../validators"

/**
 * GET /admin/oms/orders/:id/labels/rates?fulfillment_id&carrier_account_id: what the account
 * quotes for the fulfillment's parcels, and which one rate shopping would buy and why. Only a
 * quote: nothing is written and nothing is bought. A carrier refusal is the carrier's sentence.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderLabelRatesResponse>) => {
  const { fulfillment_id, carrier_account_id } = req.validatedQuery as AdminOrderLabelRatesQueryType
  await requireOrder(req)
  const shipping = req.scope.resolve<ShippingModuleService>(SHIPPING_MODULE)
  await shipping.retrievePublicCarrierAccount(carrier_account_id)
  const { shipment } = await loadFulfillmentShipment(req.scope, req.params.id, fulfillment_id)
  const adapter = await shipping.adapterFor(carrier_account_id)
  const quoted = await adapter.rates({ ...shipment, reference: `quote:${fulfillment_id}` }).catch((e: unknown) => {
    if (!isCarrierError(e)) throw e
    // A carrier that is down or refuses the parcel: its sentence, as the purchase would say it.
    const type = ["network", "unavailable", "rate_limited"].includes(e.failure.kind)
      ? MedusaError.Types.UNEXPECTED_STATE
      : MedusaError.Types.INVALID_DATA
    throw new MedusaError(type, `No rates for fulfillment ${fulfillment_id}: ${e.message}`)
  })
  const rates = byCheapest(quoted)
  const explanation = explainCheapest(rates)
  res.json({ rates, rate_shop: rates[0] && explanation ? { service_code: rates[0].service_code, explanation } : null })
}

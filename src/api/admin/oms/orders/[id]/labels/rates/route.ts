import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isCarrierError } from "../../../../../../../lib/shipping/errors"
import { defaultRatePolicy, shipmentFacts, shopRates } from "../../../../../../../lib/shipping/rate-shopping"
import { cheapestFirst } from "../../../../../../../lib/shipping/rate-shopping/rank"
import { SHIPPING_MODULE } from "../../../../../../../modules/shipping"
import type ShippingModuleService from "../../../../../../../modules/shipping/service"
import type { AdminOrderLabelRatesResponse } from "../../../../../../../types/shipping"
import { loadFulfillmentShipment } from "../../../../../../../workflows/shipping/utils/fulfillment-shipment"
import { requireOrder } from "../route"
import type { AdminOrderLabelRatesQueryType } from "../validators"

/**
 * GET /admin/oms/orders/:id/labels/rates?fulfillment_id&carrier_account_id: what the account
 * quotes for the fulfillment's parcels, and what rate shopping (the default policy: cheapest)
 * picks and why. Only a quote: nothing is written and nothing is bought. A carrier refusal is
 * the carrier's sentence.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderLabelRatesResponse>) => {
  const { fulfillment_id, carrier_account_id } = req.validatedQuery as AdminOrderLabelRatesQueryType
  await requireOrder(req)
  const shipping = req.scope.resolve<ShippingModuleService>(SHIPPING_MODULE)
  await shipping.retrievePublicCarrierAccount(carrier_account_id)
  const { order, shipment } = await loadFulfillmentShipment(req.scope, req.params.id, fulfillment_id)
  const adapter = await shipping.adapterFor(carrier_account_id)
  const quoted = await adapter.rates({ ...shipment, reference: `quote:${fulfillment_id}` }).catch((e: unknown) => {
    if (!isCarrierError(e)) throw e
    // A carrier that is down or refuses the parcel: its sentence, as the purchase would say it.
    const type = ["network", "unavailable", "rate_limited"].includes(e.failure.kind)
      ? MedusaError.Types.UNEXPECTED_STATE
      : MedusaError.Types.INVALID_DATA
    throw new MedusaError(type, `No rates for fulfillment ${fulfillment_id}: ${e.message}`)
  })
  const facts = shipmentFacts(
    {
      destination: {
        country_code: shipment.to.country_code,
        province: shipment.to.province ?? null,
        postal_code: shipment.to.postal_code,
        city: shipment.to.city,
      },
      value: (order.items ?? []).reduce((sum: number, i: any) => sum + Number(i?.unit_price ?? 0) * Number(i?.quantity ?? 0), 0),
      currency_code: String(order.currency_code),
    },
    shipment.parcels
  )
  const { winner, trace } = shopRates(defaultRatePolicy, quoted, facts)
  res.json({ rates: [...quoted].sort(cheapestFirst), rate_shop: { service_code: winner?.service_code ?? null, trace } })
}

import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { CarrierFulfillmentService } from "./service"

/**
 * The carrier fulfillment provider. Register it under the fulfillment module beside Medusa's
 * manual provider (see README): `{ resolve: "medusa-oms/providers/carrier", id: "oms" }` gives
 * the provider id `carrier_oms`.
 */
export default ModuleProvider(Modules.FULFILLMENT, {
  services: [CarrierFulfillmentService],
})

export { CarrierFulfillmentService }

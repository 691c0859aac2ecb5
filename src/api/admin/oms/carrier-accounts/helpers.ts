import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { CarrierAccountConfig } from "../../../../lib/shipping/contract"
import { isCarrierError } from "../../../../lib/shipping/errors"
import { SHIPPING_MODULE } from "../../../../modules/shipping"
import type ShippingModuleService from "../../../../modules/shipping/service"

export const shippingOf = (scope: MedusaContainer) => scope.resolve<ShippingModuleService>(SHIPPING_MODULE)

/**
 * An account the adapter cannot be built from (offline settings out of shape, a carrier
 * without an adapter yet) is refused before it is saved, with the adapter's sentence.
 */
export function checkAdapterBuilds(shipping: ShippingModuleService, config: CarrierAccountConfig) {
  try {
    shipping.adapterFactory(config)
  } catch (e) {
    const message = isCarrierError(e) ? e.message : (e as Error).message
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Field 'settings': ${message}`)
  }
}

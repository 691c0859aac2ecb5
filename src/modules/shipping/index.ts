import { Module } from "@medusajs/framework/utils"
import ShippingModuleService from "./service"

export const SHIPPING_MODULE = "oms_shipping"

export default Module(SHIPPING_MODULE, {
  service: ShippingModuleService,
})

export { ShippingModuleService }
export type { LabelRow, PurchaseInput, PublicCarrierAccount, CarrierAccountInput } from "./types"

import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import warmGeocoderLoader from "./loaders/warm-geocoder"
import RoutingModuleService from "./service"

export const ROUTING_MODULE = "oms_routing"

export default Module(ROUTING_MODULE, {
  service: RoutingModuleService,
  loaders: [validateOptionsLoader, warmGeocoderLoader],
})

export { RoutingModuleService }
export type { PlannedAllocation } from "./service"

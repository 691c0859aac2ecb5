import { Module } from "@medusajs/framework/utils"
import PickingModuleService from "./service"

export const PICKING_MODULE = "oms_picking"

export default Module(PICKING_MODULE, {
  service: PickingModuleService,
})

export { PickingModuleService }

import { Module } from "@medusajs/framework/utils"
import MetricsModuleService from "./service"

export const METRICS_MODULE = "oms_metrics"

export default Module(METRICS_MODULE, {
  service: MetricsModuleService,
})

export { MetricsModuleService }
export type { FactsRefresh } from "./service"

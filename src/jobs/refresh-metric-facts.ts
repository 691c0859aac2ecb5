import type { MedusaContainer } from "@medusajs/framework/types"
import { METRICS_MODULE, type MetricsModuleService } from "../modules/metrics"

/**
 * Every minute: the dashboard's facts table takes in the orders that changed, so the page's own
 * refresh (it runs one before reading) finds little to do. The first run after an install or
 * an upgrade that changes a definition builds the table for every order (bench:metrics: about a
 * minute at 100,000 orders); meanwhile the page computes its numbers live.
 */
export default async function refreshMetricFactsJob(container: MedusaContainer) {
  await container.resolve<MetricsModuleService>(METRICS_MODULE).refreshFacts()
}

export const config = {
  name: "oms-refresh-metric-facts",
  schedule: "* * * * *",
}

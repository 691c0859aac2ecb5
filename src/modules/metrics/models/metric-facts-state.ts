import { model } from "@medusajs/framework/utils"

/**
 * The facts table's one bookkeeping row (id 'facts'): which definitions built it (`version`, a
 * hash of every builder's SQL: a plugin upgrade that changes a definition rebuilds the table) and
 * up to which instant changes have been taken in (`watermark`).
 */
export const MetricFactsState = model.define("oms_metric_facts_state", {
  id: model.text().primaryKey(),
  version: model.text(),
  watermark: model.dateTime(),
  orders_refreshed: model.number().default(0),
})

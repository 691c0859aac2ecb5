import { model } from "@medusajs/framework/utils"

/**
 * A replay of past routing decisions through a draft rule set, on the stock each order saw.
 * Runs in the background (queued -> running -> done / canceled / failed); `rows` holds one
 * live-vs-draft comparison per replayed order and `totals` their summary.
 */
export const Simulation = model.define("oms_simulation", {
  id: model.id({ prefix: "osim" }).primaryKey(),
  rule_set_id: model.text(),
  /** { last: n } or { from, to } (ISO dates, on the decision's created_at). */
  window: model.json(),
  status: model.enum(["queued", "running", "done", "canceled", "failed"]).default("queued"),
  /** { done, total, skipped }: decisions read so far, of how many. */
  progress: model.json(),
  totals: model.json().nullable(),
  rows: model.json().nullable(),
  error: model.text().nullable(),
  created_by: model.text().nullable(),
})

import { model } from "@medusajs/framework/utils"

/**
 * What a draft rule set running in shadow would have done with one order, next to what the
 * live rules did. One row per (rule set, order): a repeated event or a re-route updates the
 * row instead of adding one, so disagreements are counted once per order.
 */
export const ShadowResult = model
  .define("oms_shadow_result", {
    id: model.id({ prefix: "oshad" }).primaryKey(),
    rule_set_id: model.text(),
    order_id: model.text(),
    /** The live decision compared against (its latest state when the row was written). */
    decision_id: model.text(),
    agrees: model.boolean(),
    /** lib/routing/simulate ReplaySide of the live decision and of the shadow plan. */
    live: model.json(),
    shadow: model.json(),
    /** The difference in a sentence; empty when they agree. */
    changes: model.text().default(""),
  })
  .indexes([
    { on: ["rule_set_id", "order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["rule_set_id", "agrees"], where: "deleted_at IS NULL" },
  ])

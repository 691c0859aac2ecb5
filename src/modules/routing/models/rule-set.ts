import { model } from "@medusajs/framework/utils"

/**
 * A version of the shop's routing rules. Drafts are edited; activating one archives the
 * version it replaces, so exactly one version is active per sales channel (or globally,
 * when `sales_channel_id` is null) and every earlier version stays readable as history.
 */
export const RuleSet = model
  .define("oms_rule_set", {
    id: model.id({ prefix: "orset" }).primaryKey(),
    name: model.text(),
    /** 1, 2, 3... per name: duplicating a version makes the next one. */
    version: model.number().default(1),
    status: model.enum(["draft", "active", "archived"]).default("draft"),
    /** The sales channel it routes; null: every channel without a rule set of its own. */
    sales_channel_id: model.text().nullable(),
    /** The planner's rule set: { rules, split, partial, hold_unplaced } (validated by lib/routing's schema). */
    definition: model.json(),
    created_by: model.text().nullable(),
    activated_at: model.dateTime().nullable(),
    archived_at: model.dateTime().nullable(),
    /** A draft in shadow is also planned on every new order; see oms_shadow_result. */
    shadow: model.boolean().default(false),
    /** { entries: [{ at, actor, action, summary }] }: who created, edited, activated, archived it. */
    history: model.json().nullable(),
  })
  .indexes([
    {
      on: ["sales_channel_id"],
      unique: true,
      where: "status = 'active' AND sales_channel_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      on: ["status"],
      unique: true,
      where: "status = 'active' AND sales_channel_id IS NULL AND deleted_at IS NULL",
    },
  ])

import { z } from "@medusajs/framework/zod"
import { ruleSetSchema } from "../../../../lib/routing"
import { paging } from "../../../utils/paging"

/** POST /admin/oms/rule-sets: a new draft. `definition` is the planner's rule set. */
export const AdminCreateRuleSet = z
  .object({
    name: z.string().trim().min(1).max(120),
    sales_channel_id: z.string().min(1).nullable().optional(),
    definition: ruleSetSchema,
  })
  .strict()

/** POST /admin/oms/rule-sets/:id: change a draft. */
export const AdminUpdateRuleSet = z
  .object({
    sales_channel_id: z.string().min(1).nullable().optional(),
    definition: ruleSetSchema.optional(),
  })
  .strict()

export type AdminCreateRuleSetType = z.infer<typeof AdminCreateRuleSet>
export type AdminUpdateRuleSetType = z.infer<typeof AdminUpdateRuleSet>

/** POST /admin/oms/rule-sets/:id/shadow: run a draft in shadow, or stop. */
export const AdminShadowRuleSet = z.object({ enabled: z.boolean() }).strict()
export type AdminShadowRuleSetType = z.infer<typeof AdminShadowRuleSet>

/** GET /admin/oms/rule-sets/:id/shadow-results */
export const AdminShadowResultsQuery = z
  .object({
    disagreements_only: z.enum(["true", "false"]).optional(),
    ...paging(),
  })
  .strict()
export type AdminShadowResultsQueryType = z.infer<typeof AdminShadowResultsQuery>

/** GET /admin/oms/rule-sets: versions newest first, a page at a time. */
export const AdminListRuleSetsQuery = z.object(paging()).strict()
export type AdminListRuleSetsQueryType = z.infer<typeof AdminListRuleSetsQuery>

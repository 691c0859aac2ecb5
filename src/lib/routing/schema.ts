import { z } from "zod"
import { conditionSchema } from "../rules/schema"
import type { RuleSet } from "./types"

/** Validates a rule set from the API or the database, with field-named errors. */
const filterRule = z.strictObject({
  kind: z.literal("filter"),
  type: z.enum(["active", "serves_market", "capacity", "safety_stock", "include_locations", "exclude_locations"]),
  params: z.strictObject({ location_ids: z.array(z.string().min(1)).optional() }).optional(),
  condition: conditionSchema.optional(),
  label: z.string().max(200).optional(),
})

const rankRule = z.strictObject({
  kind: z.literal("rank"),
  type: z.enum(["priority", "distance", "fewest_shipments", "inventory_balance", "location_id"]),
  params: z.strictObject({ bucket_km: z.number().nonnegative().optional() }).optional(),
  condition: conditionSchema.optional(),
  label: z.string().max(200).optional(),
})

const splitPolicy = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  z.strictObject({ type: z.literal("allowed") }),
  z.strictObject({ type: z.literal("max_shipments"), max: z.number().int().min(1) }),
  z.strictObject({ type: z.literal("min_shipment_value"), min_value: z.number().nonnegative() }),
])

export const ruleSetSchema = z
  .strictObject({
    rules: z.array(z.discriminatedUnion("kind", [filterRule, rankRule])),
    split: splitPolicy,
    partial: z.enum(["split", "hold", "backorder"]),
    hold_unplaced: z.boolean().optional(),
  })
  .superRefine((set, ctx) => {
    set.rules.forEach((rule, k) => {
      const needsList = rule.kind === "filter" && (rule.type === "include_locations" || rule.type === "exclude_locations")
      if (needsList && !(rule.params as { location_ids?: string[] } | undefined)?.location_ids?.length) {
        // The API's 400 names the field from the path (src/lib/validation/describe-issues.ts).
        ctx.addIssue({
          code: "custom",
          message: "list at least one location id",
          path: ["rules", k, "params", "location_ids"],
        })
      }
    })
  }) as unknown as z.ZodType<RuleSet>

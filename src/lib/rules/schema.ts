import { z } from "zod"
import type { Condition } from "./condition"
import { anyOfConditionTypes, listConditionTypes } from "./condition"

/**
 * Validates a condition coming from the API or the database. Errors carry the path of the
 * offending field (e.g. `conditions.1.in`) so a form can show them next to the input.
 */
const nonEmptyStrings = z.array(z.string().trim().min(1)).min(1, "list at least one value")

const listCondition = z.strictObject({ type: z.enum(listConditionTypes), in: nonEmptyStrings })
const anyOfCondition = z.strictObject({ type: z.enum(anyOfConditionTypes), any_of: nonEmptyStrings })

const orderValueCondition = z
  .strictObject({
    type: z.literal("order_value"),
    min: z.number().finite().nonnegative().optional(),
    max: z.number().finite().nonnegative().optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, {
    message: "give min, max or both",
    path: ["min"],
  })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
    message: "min must not exceed max",
    path: ["max"],
  })

/** Inclusive bounds for a shipment fact (grams, or a count of parcels). */
const bounds = <T extends "weight" | "parcel_count">(type: T, integer: boolean) => {
  const bound = integer ? z.number().int().nonnegative().optional() : z.number().finite().nonnegative().optional()
  return z
    .strictObject({ type: z.literal(type), min: bound, max: bound })
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: "give min, max or both", path: ["min"] })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: "min must not exceed max", path: ["max"] })
}
const weightCondition = bounds("weight", false)
const parcelCountCondition = bounds("parcel_count", true)

const allCondition = z
  .strictObject({
    type: z.literal("all"),
    get conditions() {
      return z.array(conditionSchema)
    },
  })
const anyCondition = z
  .strictObject({
    type: z.literal("any"),
    get conditions() {
      return z.array(conditionSchema)
    },
  })
const notCondition = z
  .strictObject({
    type: z.literal("not"),
    get condition() {
      return conditionSchema
    },
  })

export const conditionSchema: z.ZodType<Condition> = z.discriminatedUnion("type", [
  listCondition,
  anyOfCondition,
  weightCondition,
  parcelCountCondition,
  orderValueCondition,
  allCondition,
  anyCondition,
  notCondition,
]) as unknown as z.ZodType<Condition>

import { z } from "zod"
import { conditionSchema } from "../../rules/schema"
import { carrierCodes } from "../contract"
import { rateStrategies, type RatePolicy } from "./policy"

const names = z.array(z.string().trim().min(1)).min(1, "list at least one value")

const selectorSchema = z
  .strictObject({ carriers: z.array(z.enum(carrierCodes)).min(1, "list at least one carrier").optional(), providers: names.optional(), service_codes: names.optional() })
  .refine((s) => s.carriers || s.providers || s.service_codes, { message: "name carriers, providers or service_codes", path: ["carriers"] })

const ruleSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    when: conditionSchema.optional(),
    only: selectorSchema.optional(),
    pick: z.enum(rateStrategies),
    within_days: z.number().int().positive().max(60).optional(),
  })
  .refine((r) => r.pick !== "best_value" || r.within_days !== undefined, {
    message: "best_value needs within_days: the number of transit days a rate must arrive within",
    path: ["within_days"],
  })

/**
 * The stored rate policy of a shipping option, validated where it comes in (API, database).
 * Errors carry the path of the field (`rules.1.within_days`) for the form to show it in place.
 */
export const ratePolicySchema: z.ZodType<RatePolicy> = z.strictObject({ rules: z.array(ruleSchema).max(50) }) as unknown as z.ZodType<RatePolicy>

/** The policy of an option that has none: the cheapest rate wins. */
export const defaultRatePolicy: RatePolicy = { rules: [] }

import { z } from "zod"
import { conditionSchema } from "../rules"
import { describeIssues } from "../validation"
import { RESOLUTIONS, type ReturnPolicy, type ReturnPolicyDefinition } from "./types"

/**
 * The policy editor's shape, strict: an unknown key is refused rather than silently dropped,
 * so a misspelt setting never reads as "not set". Used by the admin API (400s name the field,
 * e.g. `definition.restocking_fee_percent`) and by the stored-row parser below.
 */
const ids = z.array(z.string().trim().min(1)).min(1, "list at least one id")

const productSelector = z.strictObject({
  kind: z.enum(["product", "collection", "category", "tag", "type"]),
  ids,
})

const reasonRequirement = z.strictObject({
  note_required: z.boolean().optional(),
  photo_required: z.boolean().optional(),
})

const shipping = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("free") }),
  z.strictObject({ mode: z.literal("flat"), amount: z.number().finite().nonnegative() }),
  z.strictObject({ mode: z.literal("carrier_rate") }),
])

const destination = z.discriminatedUnion("strategy", [
  z.strictObject({ strategy: z.literal("nearest") }),
  z.strictObject({ strategy: z.literal("short") }),
  z.strictObject({ strategy: z.literal("fixed"), location_id: z.string().trim().min(1) }),
])

const days = z.number().int().nonnegative().max(3650)

/** Every field of a definition; an update may send any subset (see `returnPolicyDefinitionFields`). */
export const returnPolicyDefinitionFields = {
  window_days: days,
  transit_days: days,
  exclusions: z.array(productSelector),
  final_sale: z.array(productSelector),
  reasons: z.record(z.string().trim().min(1), reasonRequirement),
  restocking_fee_percent: z.number().finite().min(0).max(100),
  shipping,
  keep_it_under: z.number().finite().nonnegative().nullable(),
  resolutions: z
    .array(z.enum(RESOLUTIONS))
    .min(1, "allow at least one of refund, store_credit, exchange")
    .refine((list) => new Set(list).size === list.length, "list each resolution once"),
  refund_damaged: z.boolean(),
  destination,
}

export const returnPolicyDefinitionSchema = z.strictObject(returnPolicyDefinitionFields)

/** A definition's fields, each optional: what a policy update may change. */
export const returnPolicyDefinitionPatchSchema = z.strictObject(returnPolicyDefinitionFields).partial()

const policyFields = {
  name: z.string().trim().min(1).max(200),
  active: z.boolean(),
  priority: z.number().int().min(0).max(1_000_000),
  market: conditionSchema.nullable(),
  definition: returnPolicyDefinitionSchema,
}

/** A policy as the admin creates it: name and definition required; active, priority and market default. */
export const returnPolicySchema = z.strictObject({
  name: policyFields.name,
  active: policyFields.active.default(true),
  priority: policyFields.priority.default(100),
  market: policyFields.market.default(null),
  definition: policyFields.definition,
})

/** A policy update: every field optional; `definition` may carry only the settings that change. */
export const returnPolicyUpdateSchema = z.strictObject({
  name: policyFields.name.optional(),
  active: policyFields.active.optional(),
  priority: policyFields.priority.optional(),
  market: policyFields.market.optional(),
  definition: returnPolicyDefinitionPatchSchema.optional(),
})

/** A stored policy row: what the schema says plus the id it was stored under. */
const storedPolicySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  active: z.boolean(),
  priority: z.number(),
  market: conditionSchema.nullable(),
  definition: returnPolicyDefinitionSchema,
})

/** A stored policy that does not have the shape eligibility relies on; names the row and field. */
export class MalformedReturnPolicyError extends Error {
  constructor(
    readonly policy_id: string,
    readonly problems: string[]
  ) {
    super(`Stored return policy ${policy_id} is malformed: ${problems.join("; ")}`)
    this.name = "MalformedReturnPolicyError"
  }
}

/**
 * Reads an oms_return_policy row (extra columns such as timestamps are ignored). Throws a
 * MalformedReturnPolicyError naming the row and the field, e.g. "Stored return policy orpol_1
 * ("EU") is malformed: definition.window_days must be a number ...".
 */
export function parseReturnPolicy(row: unknown): ReturnPolicy {
  const candidate = row && typeof row === "object" ? (row as Record<string, unknown>) : {}
  const picked = {
    id: candidate.id,
    name: candidate.name,
    active: candidate.active,
    priority: candidate.priority,
    market: candidate.market ?? null,
    definition: candidate.definition,
  }
  const parsed = storedPolicySchema.safeParse(picked)
  if (parsed.success) return parsed.data as ReturnPolicy
  const label = typeof candidate.id === "string" ? candidate.id : "(no id)"
  const named = typeof candidate.name === "string" ? ` ("${candidate.name}")` : ""
  const problems = describeIssues(parsed.error.issues, { schema: storedPolicySchema, input: picked, root: "the row" })
  throw new MalformedReturnPolicyError(`${label}${named}`, problems)
}

/** A definition checked by the schema (for a definition assembled in code, e.g. a merge). */
export function parseReturnPolicyDefinition(value: unknown): ReturnPolicyDefinition {
  return returnPolicyDefinitionSchema.parse(value) as ReturnPolicyDefinition
}

import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { describeIssues } from "../../lib/validation"

/**
 * Our validate-body and validate-query middlewares: the same contract as Medusa's
 * validateAndTransformBody/Query (objects made strict, `req.validatedBody` / `req.validatedQuery`,
 * a 400 `invalid_data` "Invalid request: ..."), but every sentence names the field as a dotted
 * path and says what is allowed there (src/lib/validation/describe-issues.ts), where Medusa's
 * formatter answers "Invalid input" for unions and "is required" for a value that is present.
 */
type Schema = z.ZodType & { strict?: () => z.ZodType }

const strictOf = (schema: Schema): z.ZodType => (typeof schema.strict === "function" ? schema.strict() : schema)

/** Parses `input` or throws the 400 a person can act on. */
export async function parseRequest<S extends z.ZodType>(schema: S, input: unknown, root: string): Promise<z.output<S>> {
  const strict = strictOf(schema as Schema)
  const result = await strict.safeParseAsync(input, { reportInput: true })
  if (result.success) return result.data as z.output<S>
  const sentences = describeIssues(result.error.issues, { schema: strict, input, root })
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${sentences.join("; ")}`)
}

export function validateBody(schema: z.ZodType) {
  return async function validateOmsBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      req.validatedBody = await parseRequest(schema, req.body, "the request body")
      next()
    } catch (e) {
      next(e)
    }
  }
}

export function validateQuery(schema: z.ZodType) {
  return async function validateOmsQuery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const validated = (await parseRequest(schema, normalizeQuery(req.query), "the query")) as Record<string, unknown>
      req.validatedQuery = validated
      const { limit: _limit, offset: _offset, ...filters } = validated
      req.filterableFields = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
      next()
    } catch (e) {
      next(e)
    }
  }
}

/**
 * As Medusa reads a query: `status[]=open,picking` (one element) becomes ["open", "picking"] and
 * `a.b=1` becomes { a: { b: "1" } } (two levels at most).
 */
export function normalizeQuery(query: Record<string, unknown>): Record<string, unknown> {
  const normalized: Record<string, unknown> = {}
  for (const [key, raw] of Object.entries(query ?? {})) {
    const value = Array.isArray(raw) && raw.length === 1 && typeof raw[0] === "string" ? raw[0].split(",") : raw
    if (!key.includes(".")) {
      normalized[key] = value
      continue
    }
    const [parent, child, ...deeper] = key.split(".")
    if (deeper.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: query key '${key}' is more than 2 levels deep`)
    }
    normalized[parent] = { ...((normalized[parent] as Record<string, unknown>) ?? {}), [child]: value }
  }
  return normalized
}

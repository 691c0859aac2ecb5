import { z } from "zod"
import type { core } from "zod"
import { discriminatorValues, fieldsOf, schemaAt } from "./schema-at"

type Issue = core.$ZodIssue

/**
 * Turns zod 4 issues into sentences a person can act on: each names the field as a dotted path
 * (`definition.split.type`) and says what is allowed there ("must be one of: none, allowed, ...").
 * Pure: give it the schema that was parsed and the input it was given (issues do not carry the
 * received values, nor the values a discriminated union allows).
 */
export type DescribeContext = {
  /** The schema that produced the issues; without it unions and unknown keys say less. */
  schema?: unknown
  /** What was parsed, to quote what was received and to tell a missing field from a wrong one. */
  input?: unknown
  /** How the whole input is called when a path is empty ("the request body", "the query"). */
  root?: string
}

const en = z.locales.en()

/** The dotted path of a field: ["definition", "rules", 0, "type"] -> "definition.rules.0.type". */
export const dottedPath = (path: readonly PropertyKey[]) => path.map(String).join(".")

export function describeIssues(issues: readonly Issue[], context: DescribeContext = {}): string[] {
  const sentences = issues.flatMap((issue) => describeIssue(issue, [], context))
  return [...new Set(sentences)]
}

/** One issue as one or more sentences; `base` is the path of the union or key it was nested in. */
function describeIssue(issue: Issue, base: readonly PropertyKey[], context: DescribeContext): string[] {
  const path = [...base, ...issue.path]
  // What was sent, read by path; where the path exists only after z.preprocess (a comma list
  // split into an array), the value zod saw, reported when parsed with reportInput.
  const sent = valueAt(context.input, path)
  const received = sent === undefined && "input" in issue ? issue.input : sent
  const subject = subjectOf(path, context)
  const custom = hasCustomMessage(issue)
  if (custom && issue.code !== "invalid_union" && issue.code !== "invalid_key" && issue.code !== "invalid_element") {
    // The schema's author wrote a sentence for this: keep it, and name the field if it does not.
    return [mentions(issue.message, path) ? issue.message : `${subject}: ${issue.message}`]
  }
  switch (issue.code) {
    case "invalid_type":
      if (received === undefined) return [`${subject} is required (${article(issue.expected)})`]
      return [`${subject} must be ${article(issue.expected)}${got(received)}`]
    case "invalid_value":
      if (received === undefined) return [`${subject} is required; ${allowedValues(issue.values)}`]
      return [`${subject} ${allowedValues(issue.values)}${got(received)}`]
    case "invalid_union":
      return describeUnion(issue, path, received, context)
    case "unrecognized_keys": {
      const allowed = fieldsOf(schemaAt(context.schema, path, context.input))
      const where = allowed ? `; allowed: ${allowed.join(", ")}` : ""
      return issue.keys.map((key) => `${subjectOf([...path, key], context)} is not allowed${where}`)
    }
    case "too_small":
      return [`${subject} ${bound(issue, "small")}`]
    case "too_big":
      return [`${subject} ${bound(issue, "big")}`]
    case "invalid_format":
      return [`${subject} ${format(issue)}${got(received)}`]
    case "not_multiple_of":
      return [`${subject} must be a multiple of ${issue.divisor}${got(received)}`]
    case "invalid_key":
      // A record's or map's key is refused: the inner issues are about the key itself.
      return issue.issues.flatMap((inner) => describeIssue(inner, [], { root: keyOf(path, context) }))
    case "invalid_element":
      // A map's value or a set's element: its issues have paths inside the element.
      return issue.issues.flatMap((inner) => describeIssue(inner, path, context))
    case "custom":
      return [`${subject} is invalid${got(received)}`]
    default:
      return [`${subject}: ${(issue as { message?: string }).message ?? "invalid"}`]
  }
}

/**
 * A union that no option accepted. A discriminated union says which discriminator values exist;
 * otherwise the option that came closest (past the type check, deepest) speaks for the union,
 * and when every option refused the type, the types are listed.
 */
function describeUnion(
  issue: core.$ZodIssueInvalidUnion,
  path: readonly PropertyKey[],
  received: unknown,
  context: DescribeContext
): string[] {
  const subject = subjectOf(path, context)
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    // Zod puts the discriminator in the path; the union is its parent.
    const unionPath = path.at(-1) === issue.discriminator ? path.slice(0, -1) : path
    const field = [...unionPath, issue.discriminator]
    const values = discriminatorValues(schemaAt(context.schema, unionPath, context.input), issue.discriminator)
    const value = valueAt(context.input, field)
    const allowed = values ? allowedValues(values) : "has a value no option accepts"
    if (value === undefined) return [`${subjectOf(field, context)} is required${values ? `; ${allowed}` : ""}`]
    return [`${subjectOf(field, context)} ${allowed}${got(value)}`]
  }
  const errors: Issue[][] = issue.errors
  // No option's errors and no discriminator: several options matched where one must (z.xor).
  if (errors.length === 0) return [`${subject} matches more than one allowed form${got(received)}`]

  const branches = errors.filter((branch) => branch.length > 0)
  const refusedType = (branch: Issue[]) => branch.every((i) => i.path.length === 0 && i.code === "invalid_type")
  if (branches.every(refusedType)) {
    const expected = [...new Set(branches.flat().map((i) => article((i as core.$ZodIssueInvalidType).expected)))]
    if (received === undefined) return [`${subject} is required (${expected.join(" or ")})`]
    return [`${subject} must be ${expected.join(" or ")}${got(received)}`]
  }
  const closest = [...branches].sort((a, b) => closeness(b) - closeness(a) || a.length - b.length)[0]
  return closest.flatMap((inner) => describeIssue(inner, path, context))
}

/** How far an option got: deeper paths first, then a value refused after its type was accepted. */
function closeness(branch: Issue[]) {
  const depth = Math.max(...branch.map((i) => i.path.length))
  const typeOnly = branch.every((i) => i.code === "invalid_type") ? 0 : 0.5
  return depth + typeOnly
}

function bound(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig, side: "small" | "big") {
  const limit = "minimum" in issue ? issue.minimum : issue.maximum
  const inclusive = issue.inclusive !== false
  const n = Number(limit)
  switch (issue.origin) {
    case "string":
      if (issue.exact) return `must be exactly ${plural(n, "character")}`
      if (side === "small") return n === 1 && inclusive ? "must not be empty" : `must be at least ${plural(inclusive ? n : n + 1, "character")}`
      return `must be at most ${plural(inclusive ? n : n - 1, "character")}`
    case "array":
    case "set":
      if (issue.exact) return `must have exactly ${plural(n, "item")}`
      if (side === "small") return n === 1 && inclusive ? "must list at least one item" : `must have at least ${plural(inclusive ? n : n + 1, "item")}`
      return `must have at most ${plural(inclusive ? n : n - 1, "item")}`
    case "date": {
      const at = new Date(n).toISOString()
      return side === "small" ? `must be ${inclusive ? "on or after" : "after"} ${at}` : `must be ${inclusive ? "on or before" : "before"} ${at}`
    }
    default:
      if (side === "small") return inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`
      return inclusive ? `must be at most ${limit}` : `must be less than ${limit}`
  }
}

function format(issue: core.$ZodIssueInvalidStringFormat) {
  const detail = issue as core.$ZodStringFormatIssues
  switch (detail.format) {
    case "regex":
      return `must match the pattern ${detail.pattern}`
    case "starts_with":
      return `must start with ${quote(detail.prefix)}`
    case "ends_with":
      return `must end with ${quote(detail.suffix)}`
    case "includes":
      return `must contain ${quote(detail.includes)}`
    case "email":
      return "must be an e-mail address"
    case "url":
      return "must be a URL"
    case "datetime":
      return "must be an ISO date-time such as 2026-11-22T10:00:00Z"
    case "date":
      return "must be an ISO date such as 2026-11-22"
    case "time":
      return "must be a time such as 10:00:00"
    default:
      return `must be a valid ${detail.format}`
  }
}

/** True when the schema's author gave this issue its own message (zod's defaults say less). */
function hasCustomMessage(issue: Issue) {
  const message = issue.message
  if (!message || message.startsWith("Invalid input")) return false
  const standard = en.localeError(issue as unknown as core.$ZodRawIssue)
  const text = typeof standard === "string" ? standard : standard?.message
  return message !== text
}

/** True when a message already names the field: 'path' quoted, or "path: ..." / "path must ..." at its start. */
function mentions(message: string, path: readonly PropertyKey[]) {
  if (path.length === 0) return true
  const field = dottedPath(path)
  return message.includes(`'${field}'`) || message.startsWith(`${field}:`) || message.startsWith(`${field} `)
}

function subjectOf(path: readonly PropertyKey[], context: DescribeContext) {
  if (path.length === 0) return capitalise(context.root ?? "the input")
  return `Field '${dottedPath(path)}'`
}

/** "key 'a' of field 'prices'": the subject of an issue about a record's or map's key. */
function keyOf(path: readonly PropertyKey[], context: DescribeContext) {
  const parent = path.slice(0, -1)
  const owner = parent.length ? `field '${dottedPath(parent)}'` : context.root ?? "the input"
  return `key ${quote(path.at(-1))} of ${owner}`
}

function allowedValues(values: readonly unknown[]) {
  const shown = values.map((v) => (typeof v === "string" ? v : JSON.stringify(v)))
  return shown.length === 1 ? `must be ${shown[0]}` : `must be one of: ${shown.join(", ")}`
}

function article(expected: string) {
  switch (expected) {
    case "array":
      return "an array"
    case "object":
      return "an object"
    case "int":
      return "a whole number"
    case "undefined":
    case "never":
      return "absent"
    case "null":
      return "null"
    default:
      return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
  }
}

/** ", got 'sometimes'" with a short rendering of what was received. */
function got(value: unknown) {
  if (value === undefined) return ""
  if (value === null) return " (got null)"
  if (Array.isArray(value)) return " (got an array)"
  if (typeof value === "object") return " (got an object)"
  const text = typeof value === "string" ? value : String(value)
  return ` (got ${quote(text.length > 60 ? `${text.slice(0, 57)}...` : text)})`
}

const quote = (value: unknown) => `'${String(value)}'`
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function valueAt(input: unknown, path: readonly PropertyKey[]) {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined
    value = value instanceof Map ? value.get(key) : (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

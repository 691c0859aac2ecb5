import { z } from "zod"

/**
 * A stored JSON column that does not have the shape its readers rely on. The message names
 * the table and column, the row when known, and the first field that is wrong, so a person can
 * find and fix the row instead of reading a "cannot read properties of undefined" stack.
 */
export class StoredJsonError extends Error {
  constructor(
    readonly column: string,
    readonly path: string,
    reason: string,
    readonly row?: string
  ) {
    super(`Stored ${column}${row ? ` of ${row}` : ""} is malformed${path ? ` at ${path}` : ""}: ${reason}`)
    this.name = "StoredJsonError"
  }
}

/**
 * Reads one stored JSON column through its schema. Objects are loose on purpose: a row written
 * by a newer or older version keeps the fields this version does not know, so a reader that
 * writes the value back loses nothing.
 */
export function readColumn<T>(column: string, schema: z.ZodType, value: unknown, row?: string): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data as T
  const issue = parsed.error.issues[0]
  throw new StoredJsonError(column, issue.path.map(String).join("."), issue.message, row)
}

/** `{ entries: [...] }`, the history shape of decisions and rule sets; null or absent is empty. */
export function entriesOf(entry: z.ZodType) {
  return z
    .looseObject({ entries: z.array(entry).default([]) })
    .nullish()
    .transform((h) => h ?? { entries: [] })
}

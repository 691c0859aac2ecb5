/**
 * Pieces every capability's contracts share. Types only: the admin imports these files with
 * `import type`, so nothing here may hold a value.
 */

/** A Date on the server; its ISO 8601 string once the response is JSON. */
export type Timestamp = string | Date

/** A list route's answer, Medusa's shape: `{ <plural>: T[], count, limit, offset }`. */
export type Paginated<T> = T & {
  /** Rows matching the filters, on every page together. */
  count: number
  limit: number
  offset: number
}

import { sdk } from "./sdk"

/** The largest page the list routes give (src/api/utils/paging.ts). */
const PAGE = 200

/**
 * Reads a list route page by page (`limit`/`offset`, until `count`) for a table that shows the
 * whole list (locations, rule set versions, the routing queue), so no fixed page cuts it.
 */
export async function fetchEveryPage<R extends { count: number }>(path: string, key: keyof R & string): Promise<R> {
  const rows: unknown[] = []
  let page: R
  do {
    page = await sdk.client.fetch<R>(path, { query: { limit: PAGE, offset: rows.length } })
    const more = page[key] as unknown as unknown[]
    rows.push(...more)
    if (!more.length) break
  } while (rows.length < page.count)
  return { ...page, [key]: rows }
}

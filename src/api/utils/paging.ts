import { z } from "@medusajs/framework/zod"

/**
 * `limit` and `offset` of every list route, as Medusa's lists take them; the answer is
 * `{ <plural>: [...], count, limit, offset }` with `count` the total over all pages.
 */
export const DEFAULT_PAGE = 50
export const MAX_PAGE = 200

export const paging = ({ limit = DEFAULT_PAGE, max = MAX_PAGE }: { limit?: number; max?: number } = {}) => ({
  limit: z.coerce.number().int().min(1).max(max).default(limit),
  offset: z.coerce.number().int().min(0).default(0),
})

/** A list route that takes nothing but a page. */
export const AdminPageQuery = z.object(paging()).strict()
export type AdminPageQueryType = z.infer<typeof AdminPageQuery>

import { z } from "@medusajs/framework/zod"
import { isoDate } from "../../simulations/validators"

/**
 * GET /admin/oms/returns/stats?from&to: ISO dates or date-times; a bare `to` date includes
 * that day. Both optional (the last 30 days); `from` must not be after `to`.
 */
export const AdminReturnStatsQuery = z
  .object({
    from: isoDate("from").optional(),
    to: isoDate("to").optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.from === undefined || query.to === undefined) return
    const to = /^\d{4}-\d{2}-\d{2}$/.test(query.to) ? `${query.to}T23:59:59.999Z` : query.to
    if (Date.parse(query.from) > Date.parse(to)) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "Field 'from' must not be after 'to'" })
    }
  })

export type AdminReturnStatsQueryType = z.infer<typeof AdminReturnStatsQuery>

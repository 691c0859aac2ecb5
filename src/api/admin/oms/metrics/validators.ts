import { z } from "@medusajs/framework/zod"
import { isCalendarDay, MAX_RANGE_DAYS, daysBetween } from "../../../../lib/metrics/range"
import { paging } from "../../../utils/paging"

const day = (field: string) =>
  z.string().refine(isCalendarDay, { message: `Field '${field}' must be a calendar day written YYYY-MM-DD (e.g. 2026-11-01)` })

const bool = (field: string) =>
  z
    .enum(["true", "false"], { message: `Field '${field}' must be one of: true, false` })
    .transform((v) => v === "true")

/**
 * The filters every metrics route takes: `from` and `to` are calendar days in the store's time
 * zone, both included (default: the 30 days ending today), at most 366 days; `bucket` cuts the
 * charts (day, week from Monday, month); `compare` adds the previous period of equal length.
 */
const filters = {
  from: day("from").optional(),
  to: day("to").optional(),
  location_id: z.string().trim().min(1).max(200).optional(),
  sales_channel_id: z.string().trim().min(1).max(200).optional(),
  carrier: z.string().trim().min(1).max(200).optional(),
  bucket: z.enum(["day", "week", "month"], { message: "Field 'bucket' must be one of: day, week, month" }).default("day"),
  compare: bool("compare").default(false),
}

type RangeFields = { from?: string; to?: string }

function checkRange(query: RangeFields, ctx: z.RefinementCtx) {
  if (query.from === undefined || query.to === undefined) return
  if (!isCalendarDay(query.from) || !isCalendarDay(query.to)) return
  if (query.from > query.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `Field 'from' (${query.from}) must not be after 'to' (${query.to})` })
  } else if (daysBetween(query.from, query.to) > MAX_RANGE_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `Field 'to' must be at most ${MAX_RANGE_DAYS} days after 'from' (got ${daysBetween(query.from, query.to)} days)`,
    })
  }
}

/** GET /admin/oms/metrics and /admin/oms/metrics/export.csv */
export const AdminMetricsQuery = z.object(filters).strict().superRefine(checkRange)
export type AdminMetricsQueryType = z.infer<typeof AdminMetricsQuery>

/** GET /admin/oms/metrics/:key/orders: the same filters, one bucket (its first day) and a page. */
export const AdminMetricOrdersQuery = z
  .object({ ...filters, bucket_start: day("bucket_start").optional(), ...paging({ limit: 20, max: 200 }) })
  .strict()
  .superRefine(checkRange)
export type AdminMetricOrdersQueryType = z.infer<typeof AdminMetricOrdersQuery>

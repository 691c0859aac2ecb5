import { z } from "@medusajs/framework/zod"
import { DISPOSITIONS, GRADES, RETURN_STATUSES } from "../../../../lib/returns/types"
import { paging } from "../../../utils/paging"

/** GET /admin/oms/returns: the queue. */
export const AdminListReturnsQuery = z
  .object({
    /** One status, several (status[]=requested&status[]=receiving) or comma-separated. */
    status: z
      .preprocess(
        (v) => (typeof v === "string" && v.includes(",") ? v.split(",") : v),
        z.union([z.enum(RETURN_STATUSES), z.array(z.enum(RETURN_STATUSES))])
      )
      .optional(),
    /** RMA code, order number (display id) or e-mail, case-insensitive, part of it is enough. */
    q: z.string().trim().min(1).max(200).optional(),
    /** Oldest request first by default (the queue's order); `-requested_at` for newest first. */
    order: z.enum(["requested_at", "-requested_at"]).default("requested_at"),
    ...paging({ limit: 50, max: 200 }),
  })
  .strict()
export type AdminListReturnsQueryType = z.infer<typeof AdminListReturnsQuery>

/** GET /admin/oms/returns/lookup?code= */
export const AdminReturnLookupQuery = z.object({ code: z.string().trim().min(1).max(200) }).strict()
export type AdminReturnLookupQueryType = z.infer<typeof AdminReturnLookupQuery>

/** POST /admin/oms/returns/:id/scan */
export const AdminReturnScan = z.object({ code: z.string().trim().min(1).max(200) }).strict()
export type AdminReturnScanType = z.infer<typeof AdminReturnScan>

/** POST /admin/oms/returns/:id/receive (nothing to say but that the parcel is here). */
export const AdminReceiveReturn = z.object({}).strict()

/** POST /admin/oms/returns/:id/cancel */
export const AdminCancelReturn = z.object({ reason: z.string().trim().max(1000).optional() }).strict()
export type AdminCancelReturnType = z.infer<typeof AdminCancelReturn>

/**
 * POST /admin/oms/returns/:id/inspect: AdminInspectReturnPayload. Whether the entries cover
 * every unit of the case's lines is the workflow's to judge (it names `entries.N.quantity`).
 */
export const AdminInspectReturn = z
  .object({
    entries: z
      .array(
        z
          .object({
            return_line_id: z.string().min(1).nullable(),
            scanned_code: z.string().max(200).nullable().optional(),
            grade: z.enum(GRADES),
            quantity: z.number().int().min(1).max(100_000),
            disposition: z.enum(DISPOSITIONS).optional(),
            location_id: z.string().min(1).nullable().optional(),
            note: z.string().max(2000).nullable().optional(),
          })
          .strict()
      )
      .min(1)
      .max(1000),
  })
  .strict()
export type AdminInspectReturnType = z.infer<typeof AdminInspectReturn>

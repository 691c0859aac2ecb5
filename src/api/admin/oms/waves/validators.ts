import { z } from "@medusajs/framework/zod"
import { paging } from "../../../utils/paging"
import { isoDate } from "../simulations/validators"

const WAVE_STATUSES = ["open", "picking", "picked", "packed", "canceled"] as const

/** POST /admin/oms/waves and /admin/oms/waves/preview: which orders a wave at a location takes. */
export const AdminWaveFilters = z
  .object({
    stock_location_id: z.string().min(1),
    shipping_option_ids: z.array(z.string().min(1)).max(100).optional(),
    placed_before: isoDate("placed_before").optional(),
    kind: z.enum(["single", "multi", "any"]).optional(),
    min_age_minutes: z.number().int().min(0).max(525_600).optional(),
    max_orders: z.number().int().min(1).max(5000).optional(),
  })
  .strict()

/** GET /admin/oms/waves */
export const AdminListWavesQuery = z
  .object({
    /** One status, several (status[]=open&status[]=picking) or comma-separated (open,picking). */
    status: z
      .preprocess(
        (v) => (typeof v === "string" && v.includes(",") ? v.split(",") : v),
        z.union([z.enum(WAVE_STATUSES), z.array(z.enum(WAVE_STATUSES))])
      )
      .optional(),
    stock_location_id: z.string().min(1).optional(),
    ...paging({ limit: 100, max: 500 }),
  })
  .strict()

/**
 * POST /admin/oms/waves/:id/scan: what the scanner (or the person) did at the shelf:
 * { type: "bin" | "item", code } | { type: "quantity", quantity } | { type: "short", quantity_found, reason }.
 * Ranges (how many a stop needs) are the state machine's to judge, so its sentence is shown.
 */
export const AdminScan = z
  .object({
    type: z.enum(["bin", "item", "quantity", "short"]),
    code: z.string().max(200).optional(),
    quantity: z.number().int().optional(),
    quantity_found: z.number().int().optional(),
    reason: z.string().max(200).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const need = (field: "code" | "quantity" | "quantity_found" | "reason", what: string) => {
      const value = body[field]
      if (value === undefined || (typeof value === "string" && !value.trim())) {
        ctx.addIssue({ code: "custom", path: [field], message: `Field '${field}' is required for a ${body.type} scan: ${what}` })
      }
    }
    const extra = (fields: string[]) => {
      for (const field of fields) {
        if ((body as Record<string, unknown>)[field] !== undefined) {
          ctx.addIssue({ code: "custom", path: [field], message: `Field '${field}' is not allowed in a ${body.type} scan` })
        }
      }
    }
    if (body.type === "bin" || body.type === "item") {
      need("code", body.type === "bin" ? "the scanned bin label" : "the scanned SKU or barcode")
      extra(["quantity", "quantity_found", "reason"])
    } else if (body.type === "quantity") {
      need("quantity", "the number of units picked at this stop")
      extra(["code", "quantity_found", "reason"])
    } else {
      need("quantity_found", "how many units were on the shelf (0 or more)")
      need("reason", "why units are missing, e.g. bin empty")
      extra(["code", "quantity"])
    }
  })

const dimension = (field: string) =>
  z.number().min(0, { message: `Field 'parcel.${field}' must be 0 or more` }).max(1_000_000)

/** POST /admin/oms/waves/:id/orders/:order_id/pack */
export const AdminPackOrder = z
  .object({
    parcel: z
      .object({ weight: dimension("weight"), length: dimension("length"), width: dimension("width"), height: dimension("height") })
      .strict()
      .optional(),
    items: z
      .array(z.object({ line_item_id: z.string().min(1), quantity: z.number().int().min(1) }).strict())
      .min(1)
      .optional(),
  })
  .strict()

/** ?paper=a4|letter on the PDF routes. */
export const AdminPaperQuery = z.object({ paper: z.enum(["a4", "letter"]).default("a4") }).strict()

export type AdminWaveFiltersType = z.infer<typeof AdminWaveFilters>
export type AdminListWavesQueryType = z.infer<typeof AdminListWavesQuery>
export type AdminScanType = z.infer<typeof AdminScan>
export type AdminPackOrderType = z.infer<typeof AdminPackOrder>
export type AdminPaperQueryType = z.infer<typeof AdminPaperQuery>

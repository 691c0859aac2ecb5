import { z } from "@medusajs/framework/zod"
import { paging } from "../../../../../utils/paging"

/** GET /admin/oms/orders/:id/labels */
export const AdminOrderLabelsQuery = z
  .object({
    status: z.array(z.enum(["pending", "purchased", "failed", "unknown", "void_pending", "voided"])).optional(),
    ...paging(),
  })
  .strict()

/** POST /admin/oms/orders/:id/labels: a label for one of the order's fulfillments. */
export const AdminBuyOrderLabel = z
  .object({
    fulfillment_id: z.string().min(1),
    carrier_account_id: z.string().min(1),
    /** Omitted or null: rate shop (the cheapest quote). */
    service_code: z.string().min(1).nullable().optional(),
    format: z.enum(["pdf", "zpl"]).optional(),
    size: z.enum(["4x6", "a4", "letter"]).optional(),
  })
  .strict()

/** POST /admin/oms/orders/:id/labels/:label_id/return */
export const AdminReturnLabel = z
  .object({
    carrier_account_id: z.string().min(1).optional(),
    service_code: z.string().min(1).nullable().optional(),
  })
  .strict()

/** GET /admin/oms/orders/:id/labels/rates: quotes for one fulfillment from one account. */
export const AdminOrderLabelRatesQuery = z
  .object({ fulfillment_id: z.string().min(1), carrier_account_id: z.string().min(1) })
  .strict()

/** POST /admin/oms/orders/:id/labels/:label_id/void takes no fields. */
export const AdminVoidLabel = z.object({}).strict()

export type AdminOrderLabelsQueryType = z.infer<typeof AdminOrderLabelsQuery>
export type AdminBuyOrderLabelType = z.infer<typeof AdminBuyOrderLabel>
export type AdminOrderLabelRatesQueryType = z.infer<typeof AdminOrderLabelRatesQuery>
export type AdminReturnLabelType = z.infer<typeof AdminReturnLabel>

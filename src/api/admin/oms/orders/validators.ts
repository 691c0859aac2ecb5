import { z } from "@medusajs/framework/zod"

/** POST /admin/oms/orders/:id/reject */
export const AdminRejectLines = z
  .object({
    location_id: z.string().min(1),
    reason: z.enum(["not_in_stock", "damaged", "no_capacity"]),
    items: z.array(z.object({ line_item_id: z.string().min(1), quantity: z.number().int().min(1) }).strict()).min(1),
    note: z.string().max(500).optional(),
  })
  .strict()

/** POST /admin/oms/orders/:id/move */
export const AdminMoveLines = z
  .object({
    to_location_id: z.string().min(1),
    items: z
      .array(z.object({ line_item_id: z.string().min(1), quantity: z.number().int().min(1).optional() }).strict())
      .min(1),
  })
  .strict()

export type AdminRejectLinesType = z.infer<typeof AdminRejectLines>
export type AdminMoveLinesType = z.infer<typeof AdminMoveLines>

import { z } from "@medusajs/framework/zod"

export const AdminBuyWaveLabels = z.object({
  carrier_account_id: z.string().min(1),
  /** Omitted or null: rate shop (the account's cheapest quote). */
  service_code: z.string().min(1).nullish(),
  format: z.enum(["pdf", "zpl"]).optional(),
  size: z.enum(["4x6", "a4", "letter"]).optional(),
  concurrency: z.number().int().min(1).max(16).optional(),
})
export type AdminBuyWaveLabelsType = z.infer<typeof AdminBuyWaveLabels>

export const AdminWaveLabelsFileQuery = z.object({
  format: z.enum(["pdf", "zpl"]).default("pdf"),
  size: z.enum(["4x6", "a4", "letter"]).default("4x6"),
})
export type AdminWaveLabelsFileQueryType = z.infer<typeof AdminWaveLabelsFileQuery>

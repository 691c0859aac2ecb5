import { z } from "@medusajs/framework/zod"
import { RESOLUTIONS, RETURN_METHODS } from "../../../lib/returns/types"
import { paging } from "../../utils/paging"

/** One line of a return request: which order line, how many, why. */
export const ReturnRequestLine = z.object({
  line_item_id: z.string().min(1),
  quantity: z.number().int().min(1),
  reason_id: z.string().min(1).nullish(),
  note: z.string().max(2000).nullish(),
  photo_urls: z.array(z.string().url().max(2000)).max(10).optional(),
}).strict()

export const ReturnRequestBody = z.object({
  items: z.array(ReturnRequestLine).min(1).max(200),
  method: z.enum(RETURN_METHODS),
  resolution: z.enum(RESOLUTIONS),
  exchange_items: z
    .array(z.object({ variant_id: z.string().min(1), quantity: z.number().int().min(1) }).strict())
    .max(50)
    .optional(),
  note: z.string().max(2000).nullish(),
})

/** POST /store/oms/returns */
export const StoreCreateReturn = ReturnRequestBody.extend({ order_id: z.string().min(1) }).strict()
export type StoreCreateReturnType = z.infer<typeof StoreCreateReturn>

/** POST /store/oms/returns/lookup: the order number printed on the confirmation, and the e-mail it went to. */
export const StoreReturnLookup = z.object({
  order_display_id: z.coerce.number().int().min(1),
  email: z.string().email().max(320),
}).strict()
export type StoreReturnLookupType = z.infer<typeof StoreReturnLookup>

/** GET /store/oms/returns */
export const StoreListReturns = z.object(paging({ limit: 20, max: 100 })).strict()
export type StoreListReturnsType = z.infer<typeof StoreListReturns>

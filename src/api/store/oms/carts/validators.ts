import { z } from "@medusajs/framework/zod"

/** POST /store/oms/carts/:id/store-credit: all that fits when `amount` is left out. */
export const StoreApplyCredit = z.object({ amount: z.number().positive().max(1_000_000).optional() }).strict()

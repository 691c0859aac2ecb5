import { z } from "@medusajs/framework/zod"

/** GET /store/oms/store-credit?currency_code=usd */
export const StoreCreditBalanceQuery = z
  .object({ currency_code: z.string().trim().regex(/^[a-zA-Z]{3}$/, "a 3-letter ISO currency code such as usd") })
  .strict()

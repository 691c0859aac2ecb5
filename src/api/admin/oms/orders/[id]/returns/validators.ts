import type { z } from "@medusajs/framework/zod"
import { ReturnRequestBody } from "../../../../../store/oms/validators"

/** POST /admin/oms/orders/:id/returns: the same request a customer makes, for this order. */
export const AdminCreateOrderReturn = ReturnRequestBody.strict()
export type AdminCreateOrderReturnType = z.infer<typeof AdminCreateOrderReturn>

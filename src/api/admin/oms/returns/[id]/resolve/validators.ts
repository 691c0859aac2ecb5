import { z } from "@medusajs/framework/zod"

/** POST /admin/oms/returns/:id/resolve takes no body: the case says what to pay. */
export const AdminResolveReturn = z.object({}).strict()

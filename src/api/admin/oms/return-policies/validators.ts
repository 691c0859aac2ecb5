import { z } from "@medusajs/framework/zod"
import { returnPolicySchema, returnPolicyUpdateSchema } from "../../../../lib/returns/schema"
import { paging } from "../../../utils/paging"

/**
 * The policy editor's bodies are the pure core's schema (src/lib/returns/schema.ts), so the
 * API and the stored-row parser accept exactly the same policies.
 */

/** POST /admin/oms/return-policies */
export const AdminCreateReturnPolicy = returnPolicySchema

/** POST /admin/oms/return-policies/:id: any field; `definition` may carry only the settings that change. */
export const AdminUpdateReturnPolicy = returnPolicyUpdateSchema

/** GET /admin/oms/return-policies?active=true&limit&offset */
export const AdminListReturnPoliciesQuery = z
  .object({
    active: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    ...paging(),
  })
  .strict()

export type AdminCreateReturnPolicyType = z.infer<typeof AdminCreateReturnPolicy>
export type AdminUpdateReturnPolicyType = z.infer<typeof AdminUpdateReturnPolicy>
export type AdminListReturnPoliciesQueryType = z.infer<typeof AdminListReturnPoliciesQuery>

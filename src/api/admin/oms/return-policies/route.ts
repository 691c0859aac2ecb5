import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseReturnPolicy } from "../../../../lib/returns/schema"
import { createReturnPolicyWorkflow } from "../../../../workflows/returns/workflows/create-return-policy"
import { returnsService } from "../../../../workflows/returns/utils/return-policies"
import type { AdminReturnPoliciesResponse, AdminReturnPolicyResponse } from "../../../../types/returns"
import type { AdminCreateReturnPolicyType, AdminListReturnPoliciesQueryType } from "./validators"

/** GET /admin/oms/return-policies: in the order eligibility considers them (priority, then id). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnPoliciesResponse>) => {
  const { limit, offset, active } = req.validatedQuery as AdminListReturnPoliciesQueryType
  const [rows, count] = await returnsService(req.scope).listAndCountReturnPolicies(active === undefined ? {} : { active }, {
    order: { priority: "ASC", id: "ASC" },
    skip: offset,
    take: limit,
  })
  res.json({ return_policies: rows.map((row) => parseReturnPolicy(row)), count, limit, offset })
}

/** POST /admin/oms/return-policies: a new policy (201). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateReturnPolicyType>,
  res: MedusaResponse<AdminReturnPolicyResponse>
) => {
  const { result } = await createReturnPolicyWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ return_policy: result })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteReturnPolicyWorkflow } from "../../../../../workflows/returns/workflows/delete-return-policy"
import { updateReturnPolicyWorkflow } from "../../../../../workflows/returns/workflows/update-return-policy"
import { getReturnPolicyOr404 } from "../../../../../workflows/returns/utils/return-policies"
import type { AdminReturnPolicyResponse } from "../../../../../types/returns"
import type { AdminUpdateReturnPolicyType } from "../validators"

/** GET /admin/oms/return-policies/:id (404 for an unknown id). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnPolicyResponse>) => {
  res.json({ return_policy: await getReturnPolicyOr404(req.scope, req.params.id) })
}

/** POST /admin/oms/return-policies/:id: change any field; definition settings merge over the stored ones. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateReturnPolicyType>,
  res: MedusaResponse<AdminReturnPolicyResponse>
) => {
  const { result } = await updateReturnPolicyWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  res.json({ return_policy: result })
}

/** DELETE /admin/oms/return-policies/:id: Medusa's delete answer. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<{ id: string; object: "return_policy"; deleted: true }>
) => {
  const { result } = await deleteReturnPolicyWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json(result)
}

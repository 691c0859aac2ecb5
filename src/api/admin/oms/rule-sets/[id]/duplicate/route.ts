import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { duplicateRuleSetWorkflow } from "../../../../../../workflows/routing/workflows/duplicate-rule-set"
import { getRuleSetOr404, presentRuleSets } from "../../helpers"
import type { AdminRuleSetResponse } from "../../../../../../types/routing"

/** POST /admin/oms/rule-sets/:id/duplicate: a new draft version with the same rules. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRuleSetResponse>) => {
  await getRuleSetOr404(req.scope, req.params.id)
  const { result } = await duplicateRuleSetWorkflow(req.scope).run({
    input: { id: req.params.id, created_by: req.auth_context.actor_id },
  })
  res.status(201).json({ rule_set: (await presentRuleSets(req.scope, [result as any]))[0] })
}

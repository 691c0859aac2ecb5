import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateRuleSetWorkflow } from "../../../../../workflows/routing/workflows/update-rule-set"
import { getRuleSetOr404, presentRuleSets } from "../helpers"
import { AdminUpdateRuleSetType } from "../validators"
import { answeringConflicts } from "../../../../utils/conflicts"
import type { AdminRuleSetResponse } from "../../../../../types/routing"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRuleSetResponse>) => {
  const [rule_set] = await presentRuleSets(req.scope, [await getRuleSetOr404(req.scope, req.params.id)])
  res.json({ rule_set })
}

/** POST /admin/oms/rule-sets/:id: change a draft (409 for active or archived versions). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateRuleSetType>, res: MedusaResponse<AdminRuleSetResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await updateRuleSetWorkflow(req.scope).run({
      input: { id: req.params.id, ...(req.validatedBody as any), actor: req.auth_context.actor_id },
    })
    res.json({ rule_set: (await presentRuleSets(req.scope, [result as any]))[0] })
  })

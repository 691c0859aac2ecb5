import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateRuleSetWorkflow } from "../../../../../../workflows/routing/workflows/update-rule-set"
import { getRuleSetOr404, presentRuleSets } from "../../helpers"
import { AdminShadowRuleSetType } from "../../validators"
import { answeringConflicts } from "../../../../../utils/conflicts"
import type { AdminRuleSetResponse } from "../../../../../../types/routing"

/**
 * POST /admin/oms/rule-sets/:id/shadow { enabled }: plan every new order with this draft too
 * and count where it disagrees with the live rules. Drafts only (409 otherwise).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminShadowRuleSetType>, res: MedusaResponse<AdminRuleSetResponse>) =>
  answeringConflicts(res, async () => {
    await getRuleSetOr404(req.scope, req.params.id)
    const { result } = await updateRuleSetWorkflow(req.scope).run({
      input: { id: req.params.id, shadow: req.validatedBody.enabled, actor: req.auth_context.actor_id },
    })
    const [rule_set] = await presentRuleSets(req.scope, [result as any])
    res.json({ rule_set })
  })

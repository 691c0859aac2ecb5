import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { activateRuleSetWorkflow } from "../../../../../../workflows/routing/workflows/activate-rule-set"
import { getRuleSetOr404, presentRuleSets } from "../../helpers"
import type { AdminRuleSetResponse } from "../../../../../../types/routing"
import { answeringConflicts } from "../../../../../utils/conflicts"

/** POST /admin/oms/rule-sets/:id/activate: route with this version from now on. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRuleSetResponse>) =>
  answeringConflicts(res, async () => {
    const set = await getRuleSetOr404(req.scope, req.params.id)
    const { result } = await activateRuleSetWorkflow(req.scope).run({
      input: { id: set.id, sales_channel_id: set.sales_channel_id ?? null, actor: req.auth_context.actor_id },
    })
    res.json({ rule_set: (await presentRuleSets(req.scope, [result as any]))[0] })
  })

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRuleSetWorkflow } from "../../../../../../workflows/routing/workflows/archive-rule-set"
import { getRuleSetOr404, presentRuleSets } from "../../helpers"
import type { AdminRuleSetResponse } from "../../../../../../types/routing"

/** POST /admin/oms/rule-sets/:id/archive */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRuleSetResponse>) => {
  const set = await getRuleSetOr404(req.scope, req.params.id)
  const { result } = await archiveRuleSetWorkflow(req.scope).run({
    input: { id: set.id, sales_channel_id: set.sales_channel_id ?? null, actor: req.auth_context.actor_id },
  })
  res.json({ rule_set: (await presentRuleSets(req.scope, [result as any]))[0] })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"
import { createRuleSetWorkflow } from "../../../../workflows/routing/workflows/create-rule-set"
import { presentRuleSets } from "./helpers"
import { AdminCreateRuleSetType } from "./validators"
import type { AdminRuleSetResponse, AdminRuleSetsResponse } from "../../../../types/routing"

/** Versions on the one page: newest first. */
const RULE_SETS_PAGE = 500

/** GET /admin/oms/rule-sets: every version, newest first (the history). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRuleSetsResponse>) => {
  const routing = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE)
  const [rule_sets, count] = await routing.listAndCountRuleSets({}, { order: { created_at: "DESC" }, take: RULE_SETS_PAGE })
  res.json({ rule_sets: await presentRuleSets(req.scope, rule_sets), count, limit: RULE_SETS_PAGE, offset: 0 })
}

/** POST /admin/oms/rule-sets: a new draft version. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateRuleSetType>, res: MedusaResponse<AdminRuleSetResponse>) => {
  const { result } = await createRuleSetWorkflow(req.scope).run({
    input: { ...(req.validatedBody as any), created_by: req.auth_context.actor_id },
  })
  res.status(201).json({ rule_set: (await presentRuleSets(req.scope, [result as any]))[0] })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ROUTING_MODULE, RoutingModuleService } from "../../../../modules/routing"
import { createRuleSetWorkflow } from "../../../../workflows/routing/workflows/create-rule-set"
import { presentRuleSets } from "./helpers"
import { AdminCreateRuleSetType, AdminListRuleSetsQueryType } from "./validators"
import type { AdminRuleSetResponse, AdminRuleSetsResponse } from "../../../../types/routing"

/** GET /admin/oms/rule-sets: the versions, newest first (the history), a page at a time. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRuleSetsResponse>) => {
  const { limit, offset } = req.validatedQuery as AdminListRuleSetsQueryType
  const routing = req.scope.resolve<RoutingModuleService>(ROUTING_MODULE)
  const [rule_sets, count] = await routing.listAndCountRuleSets(
    {},
    { order: { created_at: "DESC", id: "DESC" }, skip: offset, take: limit }
  )
  res.json({ rule_sets: await presentRuleSets(req.scope, rule_sets), count, limit, offset })
}

/** POST /admin/oms/rule-sets: a new draft version. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateRuleSetType>, res: MedusaResponse<AdminRuleSetResponse>) => {
  const { result } = await createRuleSetWorkflow(req.scope).run({
    input: { ...(req.validatedBody as any), created_by: req.auth_context.actor_id },
  })
  res.status(201).json({ rule_set: (await presentRuleSets(req.scope, [result as any]))[0] })
}

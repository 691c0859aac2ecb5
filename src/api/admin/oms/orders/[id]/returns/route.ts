import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RETURNS_MODULE } from "../../../../../../modules/returns"
import type ReturnsModuleService from "../../../../../../modules/returns/service"
import type { AdminOrderReturnsResponse, AdminReturnResponse } from "../../../../../../types/returns"
import { CASE_RELATIONS, caseView } from "../../../../../../workflows/returns/utils/case-view"
import { orderEligibility, precheckReturnRequest } from "../../../../../../workflows/returns/utils/request-check"
import { requestReturnWorkflow } from "../../../../../../workflows/returns/workflows/request-return"
import { answeringConflicts } from "../../../../../utils/conflicts"
import type { AdminCreateOrderReturnType } from "./validators"

/** GET /admin/oms/orders/:id/returns: the order's cases (oldest first) and what is still returnable. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderReturnsResponse>) => {
  const eligibility = await orderEligibility(req.scope, req.params.id) // 404 for an unknown order
  const rows = await req.scope
    .resolve<ReturnsModuleService>(RETURNS_MODULE)
    .listReturnCases({ order_id: req.params.id }, { relations: CASE_RELATIONS, take: null, order: { requested_at: "ASC" } })
  res.json({ returns: rows.map((r) => caseView(r)), eligibility })
}

/** POST /admin/oms/orders/:id/returns: an admin asks for a return on the customer's behalf (same rules, source admin). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateOrderReturnType>, res: MedusaResponse<AdminReturnResponse>) => {
  const request = req.validatedBody as AdminCreateOrderReturnType
  await precheckReturnRequest(req.scope, req.params.id, request, "admin")
  await answeringConflicts(res, async () => {
    const { result } = await requestReturnWorkflow(req.scope).run({
      input: { order_id: req.params.id, request, source: "admin", created_by: req.auth_context?.actor_id ?? null },
    })
    const [row] = await req.scope
      .resolve<ReturnsModuleService>(RETURNS_MODULE)
      .listReturnCases({ id: result.id }, { relations: CASE_RELATIONS, take: 1 })
    res.json({ return: caseView(row) })
  })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPackContext } from "../../../../../../../../workflows/picking/utils/pack-context"
import { packOrderWorkflow } from "../../../../../../../../workflows/picking/workflows/pack-order"
import { AdminPackOrderType } from "../../../../validators"
import { answeringConflicts } from "../../../../../../../utils/conflicts"
import type { AdminPackDetailResponse, AdminPackOrderResponse } from "../../../../../../../../types/picking"

/** GET /admin/oms/waves/:id/orders/:order_id/pack: what goes into the parcel, with a parcel guess. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPackDetailResponse>) => {
  const ctx = await loadPackContext(req.scope, req.params.id, req.params.order_id)
  res.json({
    order_id: ctx.order_id,
    display_id: ctx.display_id,
    tote: ctx.tote,
    items: ctx.items,
    parcel: ctx.pack?.parcel ?? ctx.parcel,
    status: ctx.status,
    fulfillment_id: ctx.pack?.fulfillment_id ?? null,
  })
}

/**
 * POST /admin/oms/waves/:id/orders/:order_id/pack: creates the order's fulfillment at the wave's
 * location. Asking again returns the first pack with created: false.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPackOrderType>, res: MedusaResponse<AdminPackOrderResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await packOrderWorkflow(req.scope).run({
      input: {
        wave_id: req.params.id,
        order_id: req.params.order_id,
        parcel: req.validatedBody.parcel,
        items: req.validatedBody.items,
        actor: req.auth_context?.actor_id,
      },
    })
    res.json({ pack: { id: result.pack.id, status: result.pack.status, fulfillment_id: result.pack.fulfillment_id }, created: result.created })
  })

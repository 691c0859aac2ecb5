import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { SHIPPING_MODULE } from "../../../../../../modules/shipping"
import type ShippingModuleService from "../../../../../../modules/shipping/service"
import type { LabelRow } from "../../../../../../modules/shipping/types"
import type { AdminLabelResponse, AdminOrderLabelsResponse } from "../../../../../../types/shipping"
import { buyLabelWorkflow } from "../../../../../../workflows/shipping/workflows/buy-label"
import { labelView } from "../../../../../../workflows/shipping/utils/label-view"
import { answeringConflicts } from "../../../../../utils/conflicts"
import type { AdminBuyOrderLabelType, AdminOrderLabelsQueryType } from "./validators"

/** GET /admin/oms/orders/:id/labels: every purchase attempt of the order, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderLabelsResponse>) => {
  const { limit, offset, status } = req.validatedQuery as AdminOrderLabelsQueryType
  await requireOrder(req)
  const shipping = req.scope.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const [rows, count] = await shipping.listAndCountLabels(
    { order_id: req.params.id, ...(status ? { status } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC" } }
  )
  res.json({ labels: (rows as unknown as LabelRow[]).map(labelView), count, limit, offset })
}

/** POST /admin/oms/orders/:id/labels: buys the label of one of the order's fulfillments (once). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBuyOrderLabelType>, res: MedusaResponse<AdminLabelResponse>) =>
  answeringConflicts(res, async () => {
    await requireOrder(req)
    const { result } = await buyLabelWorkflow(req.scope).run({
      input: { order_id: req.params.id, ...req.validatedBody, actor: req.auth_context?.actor_id },
    })
    res.json(result)
  })

export async function requireOrder(req: AuthenticatedMedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { id: req.params.id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
}

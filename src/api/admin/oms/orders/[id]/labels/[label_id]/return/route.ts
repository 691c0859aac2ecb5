import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminLabelResponse } from "../../../../../../../../types/shipping"
import { createReturnLabelWorkflow } from "../../../../../../../../workflows/shipping/workflows/create-return-label"
import { answeringConflicts } from "../../../../../../../utils/conflicts"
import { requireOrder } from "../../route"
import type { AdminReturnLabelType } from "../../validators"

/** POST /admin/oms/orders/:id/labels/:label_id/return: a return label for that parcel (one, however often asked). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReturnLabelType>, res: MedusaResponse<AdminLabelResponse>) =>
  answeringConflicts(res, async () => {
    await requireOrder(req)
    const { result } = await createReturnLabelWorkflow(req.scope).run({
      input: { order_id: req.params.id, label_id: req.params.label_id, ...req.validatedBody, actor: req.auth_context?.actor_id },
    })
    res.json(result)
  })

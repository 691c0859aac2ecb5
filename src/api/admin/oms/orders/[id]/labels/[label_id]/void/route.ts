import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminLabelResponse } from "../../../../../../../../types/shipping"
import { voidLabelWorkflow } from "../../../../../../../../workflows/shipping/workflows/void-label"
import { answeringConflicts } from "../../../../../../../utils/conflicts"
import { requireOrder } from "../../route"

/** POST /admin/oms/orders/:id/labels/:label_id/void: takes the label back at the carrier. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLabelResponse>) =>
  answeringConflicts(res, async () => {
    await requireOrder(req)
    const { result } = await voidLabelWorkflow(req.scope).run({
      input: { order_id: req.params.id, label_id: req.params.label_id },
    })
    res.json(result)
  })

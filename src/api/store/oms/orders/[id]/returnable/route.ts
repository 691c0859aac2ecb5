import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreReturnableResponse } from "../../../../../../types/returns"
import { orderEligibility } from "../../../../../../workflows/returns/utils/request-check"
import { ownedOrder } from "../../../helpers"

/** GET /store/oms/orders/:id/returnable: each line's returnable quantity, or why not, for the actor's own order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreReturnableResponse>) => {
  await ownedOrder(req, req.params.id)
  res.json({ eligibility: await orderEligibility(req.scope, req.params.id) })
}

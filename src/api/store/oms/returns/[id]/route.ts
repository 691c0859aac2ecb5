import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreReturnResponse } from "../../../../../types/returns"
import { storeCaseView } from "../../../../../workflows/returns/utils/case-view"
import { ownedCase } from "../../helpers"

/** GET /store/oms/returns/:id: one of the actor's cases; anyone else's is a 404. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreReturnResponse>) => {
  res.json({ return: storeCaseView(await ownedCase(req, req.params.id)) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReturnLookupResponse } from "../../../../../types/returns"
import { lookupReturnCase } from "../helpers"
import { AdminReturnLookupQueryType } from "../validators"

/** GET /admin/oms/returns/lookup?code=: the RMA code on the slip or the parcel's tracking number (404 naming it). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnLookupResponse>) => {
  const { code } = req.validatedQuery as AdminReturnLookupQueryType
  res.json({ return: await lookupReturnCase(req.scope, code) })
}

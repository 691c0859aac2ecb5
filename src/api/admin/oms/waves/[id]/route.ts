import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getWaveDetail } from "../helpers"
import type { AdminWaveResponse } from "../../../../../types/picking"

/** GET /admin/oms/waves/:id: the wave with its pick list, progress, current stop and orders. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWaveResponse>) => {
  res.json({ wave: await getWaveDetail(req.scope, req.params.id) })
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelWaveWorkflow } from "../../../../../../workflows/picking/workflows/cancel-wave"
import { getWaveDetail } from "../../helpers"
import { answeringConflicts } from "../../../../../utils/conflicts"
import type { AdminWaveResponse } from "../../../../../../types/picking"

/** POST /admin/oms/waves/:id/cancel: frees the wave's lines (409 once an order is packed). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWaveResponse>) =>
  answeringConflicts(res, async () => {
    await cancelWaveWorkflow(req.scope).run({ input: { wave_id: req.params.id } })
    res.json({ wave: await getWaveDetail(req.scope, req.params.id) })
  })

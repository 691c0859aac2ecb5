import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startWaveWorkflow } from "../../../../../../workflows/picking/workflows/start-wave"
import { getWaveDetail } from "../../helpers"
import { answeringConflicts } from "../../../../../utils/conflicts"
import type { AdminWaveResponse } from "../../../../../../types/picking"

/** POST /admin/oms/waves/:id/start: open -> picking (409 from any other status). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWaveResponse>) =>
  answeringConflicts(res, async () => {
    await startWaveWorkflow(req.scope).run({ input: { wave_id: req.params.id } })
    res.json({ wave: await getWaveDetail(req.scope, req.params.id) })
  })

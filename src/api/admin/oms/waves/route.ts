import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createWaveWorkflow } from "../../../../workflows/picking/workflows/create-wave"
import { getWaveDetail, listWaveSummaries } from "./helpers"
import { AdminListWavesQueryType, AdminWaveFiltersType } from "./validators"
import { answeringConflicts } from "../../../utils/conflicts"
import type { AdminWaveResponse, AdminWavesResponse } from "../../../../types/picking"

/** GET /admin/oms/waves: newest first, with status and progress counts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWavesResponse>) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminListWavesQueryType
  const { waves, count } = await listWaveSummaries(req.scope, filters, { limit, offset })
  res.json({ waves, count, limit, offset })
}

/** POST /admin/oms/waves: build a wave at a location from what the filters select (409 if nothing). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWaveFiltersType>, res: MedusaResponse<AdminWaveResponse>) =>
  answeringConflicts(res, async () => {
    const { stock_location_id, ...filters } = req.validatedBody
    const { result } = await createWaveWorkflow(req.scope).run({
      input: { stock_location_id, filters, created_by: req.auth_context?.actor_id ?? null },
    })
    res.json({ wave: await getWaveDetail(req.scope, result.id) })
  })

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewWaveWorkflow } from "../../../../../workflows/picking/workflows/preview-wave"
import { AdminWaveFiltersType } from "../validators"
import type { AdminWavePreviewResponse } from "../../../../../types/picking"

/** POST /admin/oms/waves/preview: how many orders, lines and units a wave would take now. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWaveFiltersType>, res: MedusaResponse<AdminWavePreviewResponse>) => {
  const { stock_location_id, ...filters } = req.validatedBody
  const { result } = await previewWaveWorkflow(req.scope).run({ input: { stock_location_id, filters } })
  res.json(result)
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderPickListPdf } from "../../../../../../lib/documents"
import { PICKING_MODULE, PickingModuleService } from "../../../../../../modules/picking"
import { loadWaveRow } from "../../../../../../workflows/picking/utils/wave-records"
import { AdminPaperQueryType } from "../../validators"

/** GET /admin/oms/waves/:id/pick-list.pdf?paper=a4|letter: the printable pick list in walk order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { paper } = req.validatedQuery as AdminPaperQueryType
  const wave = await loadWaveRow(req.scope.resolve<PickingModuleService>(PICKING_MODULE), req.params.id)
  const pdf = await renderPickListPdf(wave.pick_list, { paper, generated_at: new Date().toISOString() })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `attachment; filename="pick-list-${wave.id}.pdf"`)
  res.status(200).send(pdf)
}

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { binsToCsv } from "../../../../../lib/picking"
import { listBinViews } from "../helpers"
import { AdminExportBinsQueryType } from "../validators"

/**
 * GET /admin/oms/bins/export.csv: the bins as the import reads them (location by name, SKU,
 * bin, walk_sequence only where set by hand, so a round trip keeps derived ones derived).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { stock_location_id } = req.validatedQuery as AdminExportBinsQueryType
  const { bins } = await listBinViews(req.scope, { stock_location_id })
  const csv = binsToCsv(
    bins.map((b) => ({
      location: b.location_name ?? b.stock_location_id,
      sku: b.sku ?? "",
      bin: b.code,
      walk_sequence: b.walk_sequence_source === "manual" ? b.walk_sequence : null,
    }))
  )
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="bins.csv"`)
  res.status(200).send(csv)
}

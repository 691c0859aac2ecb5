import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upsertBinWorkflow } from "../../../../workflows/picking/workflows/upsert-bin"
import { listBinViews } from "./helpers"
import { AdminListBinsQueryType, AdminUpsertBinType } from "./validators"
import { answeringConflicts } from "../../../utils/conflicts"
import type { AdminBinResponse, AdminBinsResponse } from "../../../../types/picking"

/** GET /admin/oms/bins: bins in walk order, filtered by location, item or a code/SKU search. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBinsResponse>) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminListBinsQueryType
  const { bins, count } = await listBinViews(req.scope, filters, { limit, offset })
  res.json({ bins, count, limit, offset })
}

/** POST /admin/oms/bins: set an item's bin at a location (one bin per location and item). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertBinType>, res: MedusaResponse<AdminBinResponse>) =>
  answeringConflicts(res, async () => {
    await upsertBinWorkflow(req.scope).run({ input: req.validatedBody })
    const { bins } = await listBinViews(req.scope, {
      stock_location_id: req.validatedBody.stock_location_id,
      inventory_item_id: req.validatedBody.inventory_item_id,
    })
    res.json({ bin: bins[0] })
  })

import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importBinsWorkflow } from "../../../../../workflows/picking/workflows/import-bins"
import { AdminImportBinsType } from "../validators"
import { answeringConflicts } from "../../../../utils/conflicts"
import type { AdminBinsImportResponse } from "../../../../../types/picking"

/** POST /admin/oms/bins/import: good rows saved, bad rows reported by file line. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportBinsType>, res: MedusaResponse<AdminBinsImportResponse>) =>
  answeringConflicts(res, async () => {
    const { result } = await importBinsWorkflow(req.scope).run({ input: { csv: req.validatedBody.csv } })
    res.json(result)
  })

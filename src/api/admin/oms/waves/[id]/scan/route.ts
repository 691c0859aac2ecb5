import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ScanEvent } from "../../../../../../lib/picking"
import { scanWaveWorkflow } from "../../../../../../workflows/picking/workflows/scan-wave"
import { getScanView } from "../../helpers"
import { AdminScanType } from "../../validators"
import { answeringConflicts } from "../../../../../utils/conflicts"
import type { AdminScanResponse } from "../../../../../../types/picking"

/**
 * POST /admin/oms/waves/:id/scan: one scan at the shelf. Accepted: 200 with the outcome, the
 * progress and the next stop. Refused (wrong bin or item, over-scan, bad quantity): 400 with
 * the sentence for the picker, and nothing changes.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminScanType>, res: MedusaResponse<AdminScanResponse>) =>
  answeringConflicts(res, async () => {
    const body = req.validatedBody
    const event: ScanEvent =
      body.type === "bin" || body.type === "item"
        ? { type: body.type, code: body.code! }
        : body.type === "quantity"
          ? { type: "quantity", quantity: body.quantity! }
          : { type: "short", quantity_found: body.quantity_found!, reason: body.reason! }
    const { result: outcome } = await scanWaveWorkflow(req.scope).run({
      input: { wave_id: req.params.id, event, actor: req.auth_context?.actor_id },
    })
    res.json({ outcome, ...(await getScanView(req.scope, req.params.id)) })
  })

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminLabelTrackingResponse } from "../../../../../../types/shipping/tracking"
import { labelTracking } from "../../../../../../workflows/shipping/utils/label-tracking"

/** GET /admin/oms/labels/:id/tracking: the parcel's journey, oldest step first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLabelTrackingResponse>) => {
  res.json({ tracking: await labelTracking(req.scope, req.params.id) })
}

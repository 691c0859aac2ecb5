import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { answeringConflicts } from "../../../../../../utils/conflicts"
import type { AdminLabelTrackingResponse } from "../../../../../../../types/shipping/tracking"
import { playOfflineTracking } from "../../../../../../../providers/carrier/adapters/offline"
import { toPurchasedLabel } from "../../../../../../../modules/shipping/ledger/purchase"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../../../../../modules/shipping"
import { receiveCarrierWebhook } from "../../../../../../../workflows/shipping/utils/receive-webhook"
import { labelTracking } from "../../../../../../../workflows/shipping/utils/label-tracking"
import { processCarrierWebhook } from "../../../../../../../workflows/shipping/utils/process-webhook"
import type { AdminPlayTrackingType } from "../validators"

/**
 * POST /admin/oms/labels/:id/tracking/play { status }: the offline carrier moves the parcel and
 * sends its signed webhook, which goes through the same verification, dedupe and workflow as a
 * real carrier's. For stores without a carrier account, and for demos. 409 for other carriers.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPlayTrackingType>,
  res: MedusaResponse<AdminLabelTrackingResponse>
) => {
  await answeringConflicts(res, async () => {
    const shipping = req.scope.resolve<ShippingModuleService>(SHIPPING_MODULE)
    const row = await shipping.retrieveLabelRow(req.params.id)
    if (row.carrier !== "offline") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Label ${row.id} is a ${row.carrier} label; only the offline carrier plays tracking events`)
    }
    if (row.status !== "purchased") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Label ${row.id} is ${row.status}; only a purchased label's parcel moves`)
    }
    const account = await shipping.accountConfig(row.carrier_account_id)
    const [webhook] = (await shipping.webhookSecrets("offline")).filter((a) => a.account_id === row.carrier_account_id)
    if (!webhook) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Carrier account ${account.name} has no webhook secret, so it cannot sign tracking events`)
    }
    const delivery = playOfflineTracking(
      { ...account, secrets: { ...account.secrets, ...webhook.secrets } },
      toPurchasedLabel(row),
      req.validatedBody.status
    )
    const receipt = await receiveCarrierWebhook(req.scope, { carrier: "offline", account_id: row.carrier_account_id, delivery })
    if (receipt.status === "refused") throw new MedusaError(MedusaError.Types.UNAUTHORIZED, receipt.message)
    // Played here, so the person sees the result at once: processed in the request, not queued.
    await processCarrierWebhook(req.scope, receipt.webhook_id)
    res.json({ tracking: await labelTracking(req.scope, row.id) })
  })
}

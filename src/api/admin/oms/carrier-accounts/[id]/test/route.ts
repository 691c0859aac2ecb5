import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isCarrierError } from "../../../../../../lib/shipping/errors"
import type { AdminCarrierAccountTestResponse } from "../../../../../../types/shipping"
import { shippingOf } from "../../helpers"

/**
 * POST /admin/oms/carrier-accounts/:id/test: one cheap authenticated call at the carrier.
 * A refusal is an answer (200, ok false, the carrier's reason), not an error of this route.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCarrierAccountTestResponse>) => {
  const shipping = shippingOf(req.scope)
  await shipping.retrievePublicCarrierAccount(req.params.id)
  try {
    await (await shipping.adapterFor(req.params.id)).ping()
    res.json({ ok: true, message: null })
  } catch (e) {
    res.json({ ok: false, message: isCarrierError(e) ? e.message : (e as Error).message })
  }
}

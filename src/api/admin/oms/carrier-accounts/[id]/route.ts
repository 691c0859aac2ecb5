import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminCarrierAccountDeleteResponse, AdminCarrierAccountResponse } from "../../../../../types/shipping"
import { checkAdapterBuilds, shippingOf } from "../helpers"
import { AdminUpdateCarrierAccountType, checkSecrets } from "../validators"

/** GET /admin/oms/carrier-accounts/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCarrierAccountResponse>) => {
  res.json({ carrier_account: await shippingOf(req.scope).retrievePublicCarrierAccount(req.params.id) })
}

/** POST /admin/oms/carrier-accounts/:id: secrets given replace the stored ones; omitted ones stay. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCarrierAccountType>,
  res: MedusaResponse<AdminCarrierAccountResponse>
) => {
  const body = req.validatedBody
  const secrets = checkSecrets(body)
  const shipping = shippingOf(req.scope)
  const current = await shipping.accountConfig(req.params.id)
  checkAdapterBuilds(shipping, {
    carrier: current.carrier,
    base_url: body.base_url === undefined ? current.base_url : body.base_url,
    settings: body.settings ?? current.settings,
    secrets: secrets.secrets === undefined ? current.secrets : secrets.secrets ?? {},
  })
  const { secrets: _s, webhook_secret: _w, ...plain } = body
  const carrier_account = await shipping.updateCarrierAccount(req.params.id, { ...plain, ...secrets })
  res.json({ carrier_account })
}

/** DELETE /admin/oms/carrier-accounts/:id: refused while one of its purchases is unsettled. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCarrierAccountDeleteResponse>) => {
  const shipping = shippingOf(req.scope)
  const account = await shipping.retrievePublicCarrierAccount(req.params.id)
  const open = await shipping.listLabels(
    { carrier_account_id: account.id, status: ["pending", "unknown", "void_pending"] },
    { select: ["id"], take: 1 }
  )
  if (open.length) {
    res.status(409).json({
      type: MedusaError.Types.CONFLICT,
      code: "invalid_state_error",
      message: `Carrier account "${account.name}" has label purchases or voids not settled yet; pause it (active: false) and delete it once they are`,
    } as any)
    return
  }
  await shipping.softDeleteCarrierAccounts(account.id)
  res.json({ id: account.id, object: "carrier_account", deleted: true })
}

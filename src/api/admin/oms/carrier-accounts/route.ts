import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCarrierAccountResponse, AdminCarrierAccountsResponse } from "../../../../types/shipping"
import { checkAdapterBuilds, shippingOf } from "./helpers"
import { AdminCreateCarrierAccountType, AdminListCarrierAccountsQueryType, checkSecrets } from "./validators"

/** GET /admin/oms/carrier-accounts: which secrets are set, never their values. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCarrierAccountsResponse>) => {
  const { limit, offset, carrier } = req.validatedQuery as AdminListCarrierAccountsQueryType
  const [carrier_accounts, count] = await shippingOf(req.scope).listPublicCarrierAccounts(carrier ? { carrier } : {}, {
    skip: offset,
    take: limit,
  })
  res.json({ carrier_accounts, count, limit, offset })
}

/** POST /admin/oms/carrier-accounts: secrets are write-only (sealed before they are stored). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCarrierAccountType>,
  res: MedusaResponse<AdminCarrierAccountResponse>
) => {
  const body = req.validatedBody
  const secrets = checkSecrets(body)
  const shipping = shippingOf(req.scope)
  checkAdapterBuilds(shipping, { carrier: body.carrier, base_url: body.base_url, settings: body.settings ?? {}, secrets: secrets.secrets ?? {} })
  const carrier_account = await shipping.createCarrierAccount({
    carrier: body.carrier,
    name: body.name,
    base_url: body.base_url ?? null,
    settings: body.settings ?? {},
    services: body.services ?? [],
    active: body.active ?? true,
    ...secrets,
  })
  res.json({ carrier_account })
}

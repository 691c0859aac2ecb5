import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCreditBalanceResponse } from "../../../../types/returns"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../../modules/returns"

/** GET /store/oms/store-credit?currency_code=: the logged-in customer's balance in one currency. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCreditBalanceResponse>) => {
  const customer_id = req.auth_context.actor_id
  const currency_code = String((req.validatedQuery as { currency_code: string }).currency_code).toLowerCase()
  const balance = await req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE).storeCreditBalance(customer_id, currency_code)
  res.json({ customer_id, currency_code, balance })
}

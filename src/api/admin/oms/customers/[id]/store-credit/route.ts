import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminStoreCreditResponse } from "../../../../../../types/returns"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../../../../modules/returns"

/** GET /admin/oms/customers/:id/store-credit: balances per currency and the ledger, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminStoreCreditResponse>) => {
  const customerId = req.params.id
  const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { take: 1 })
  if (!customers.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found.`)
  const service = req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const [balances, entries] = await Promise.all([
    service.storeCreditBalances(customerId),
    service.listStoreCreditEntries({ customer_id: customerId }, { order: { created_at: "DESC" }, take: null }),
  ])
  res.json({
    customer_id: customerId,
    balances,
    entries: entries.map((e: any) => ({
      id: e.id,
      currency_code: e.currency_code,
      amount: Number(e.amount),
      kind: e.kind,
      reference_type: e.reference_type ?? null,
      reference_id: e.reference_id ?? null,
      created_at: e.created_at,
    })),
  })
}

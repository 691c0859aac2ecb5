import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { RETURNS_MODULE } from "../../../../../modules/returns"
import type ReturnsModuleService from "../../../../../modules/returns/service"
import type { StoreReturnLookupResponse } from "../../../../../types/returns"
import type { StoreReturnLookupType } from "../../validators"

/** One answer for every mismatch, so a guest cannot learn which half was wrong. */
const NO_MATCH = "No order matches this order number and e-mail address"

/**
 * POST /store/oms/returns/lookup {order_display_id, email}: a guest proves an order by its
 * number and the e-mail it was placed with, and gets a short-lived token for that order only
 * (header `x-oms-return-token`).
 */
export const POST = async (req: MedusaRequest<StoreReturnLookupType>, res: MedusaResponse<StoreReturnLookupResponse>) => {
  const { order_display_id, email } = req.validatedBody as StoreReturnLookupType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "email"], filters: { display_id: order_display_id } })
  const wanted = email.trim().toLowerCase()
  const order = (data as any[]).find((o) => String(o.email ?? "").trim().toLowerCase() === wanted)
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, NO_MATCH)
  const returns = req.scope.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const minutes = returns.getOmsOptions().returns.guest_token_minutes
  const { token, expires_at } = await returns.issueGuestToken(order.id, wanted, minutes)
  res.json({ order_id: order.id, token, expires_at: expires_at.toISOString() })
}

import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { RefundBreakdown } from "../../../lib/returns/types"

/**
 * Exchange resolution: NOT BUILT YET (see docs/returns.md, "Resolution"). Refused with a
 * sentence so the case shows resolution failed and an admin can resolve it by hand; it is
 * never silently marked done.
 */
export async function exchangeCase(
  _container: MedusaContainer,
  row: { id: string; rma_code: string },
  _breakdown: RefundBreakdown
): Promise<Record<string, unknown>> {
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Return ${row.rma_code} asks for an exchange, which medusa-oms cannot release automatically yet; create the exchange in Medusa's admin.`
  )
}

import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { returnEligibility } from "../../../lib/returns"
import type { OrderEligibility, ReturnRequest } from "../../../lib/returns/types"
import { loadReturnContext } from "./return-context"
import { planReturnRequest, problemsSentence, ReturnSource } from "./return-plan"

/**
 * The route's check before the workflow waits for the order lock: anything wrong with the
 * request as the order stands now is a 400 naming the field. (Units another request takes
 * while this one waits are the workflow's 409.)
 */
export async function precheckReturnRequest(container: MedusaContainer, orderId: string, request: ReturnRequest, source: ReturnSource): Promise<void> {
  const ctx = await loadReturnContext(container, orderId)
  if (!ctx.order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${orderId} was not found`)
  const { problems } = planReturnRequest(ctx, request, source)
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problemsSentence(problems)}`)
}

/** The order's eligibility as the policy answers it now (the store's and the admin's view). */
export async function orderEligibility(container: MedusaContainer, orderId: string): Promise<OrderEligibility> {
  const ctx = await loadReturnContext(container, orderId)
  if (!ctx.order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${orderId} was not found`)
  return returnEligibility(ctx.eligibility_input)
}

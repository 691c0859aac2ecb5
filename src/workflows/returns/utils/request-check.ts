import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
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
  problems.push(...(await unknownExchangeVariants(container, request)))
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problemsSentence(problems)}`)
}

/** The order's eligibility as the policy answers it now (the store's and the admin's view), offering a label only where one can be bought. */
export async function orderEligibility(container: MedusaContainer, orderId: string): Promise<OrderEligibility> {
  const ctx = await loadReturnContext(container, orderId)
  if (!ctx.order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${orderId} was not found`)
  const eligibility = returnEligibility(ctx.eligibility_input)
  // A label needs a carrier's return option at a location; without one the form should not offer it.
  const sellsLabels = Object.values(ctx.locations).some((l) => l.return_options.carrier)
  return sellsLabels ? eligibility : { ...eligibility, methods: eligibility.methods.filter((m) => m !== "label") }
}

/** Exchange items must name variants the store has (the resolution reserves them after inspection). */
async function unknownExchangeVariants(container: MedusaContainer, request: ReturnRequest) {
  const wanted = request.resolution === "exchange" ? request.exchange_items ?? [] : []
  if (!wanted.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: [...new Set(wanted.map((w) => w.variant_id))] } })
  const known = new Set((data as any[]).map((v) => v.id))
  return wanted.flatMap((w, i) =>
    known.has(w.variant_id) ? [] : [{ field: `exchange_items.${i}.variant_id`, message: `${w.variant_id} is not a product variant of this store.` }]
  )
}

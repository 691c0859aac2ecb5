import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planFulfillmentInventory, PlanFulfillmentInventoryInput } from "../utils/plan-fulfillment-inventory"
import { FulfillmentShippingOption, resolveFulfillmentLocation } from "../utils/prepare-fulfillment-data"

export type PlanFulfillmentInventoryStepInput = Omit<PlanFulfillmentInventoryInput, "location_names" | "location_id"> & {
  /** The location asked for; the shipping option's when left out (as core). */
  location_id?: string | null
  shipping_option: FulfillmentShippingOption
}

export const planFulfillmentInventoryStepId = "oms-plan-fulfillment-inventory"

/**
 * Decides what a fulfillment takes from inventory: only the reservations at the fulfilling
 * location, and refuses when they do not hold what is asked. Reads only (names the locations
 * for the messages), so there is nothing to undo.
 */
export const planFulfillmentInventoryStep = createStep(
  planFulfillmentInventoryStepId,
  async ({ shipping_option, ...input }: PlanFulfillmentInventoryStepInput, { container }) => {
    const location_id = resolveFulfillmentLocation(input, shipping_option)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const ids = [...new Set([location_id, ...input.reservations.map((r) => r.location_id)])]
    const { data: locations } = await query.graph({
      entity: "stock_location",
      fields: ["id", "name"],
      filters: { id: ids },
    })
    const location_names = Object.fromEntries(locations.map((l: any) => [l.id, l.name]))
    return new StepResponse(planFulfillmentInventory({ ...input, location_id, location_names }))
  }
)

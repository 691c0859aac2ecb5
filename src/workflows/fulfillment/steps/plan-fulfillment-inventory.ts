import { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planFulfillmentInventory } from "../../../lib/fulfillment"
import { FulfillmentOrderLine, FulfillmentReservation, toFulfillmentRequest } from "../utils/fulfillment-request"
import {
  FulfillmentShippingOption,
  resolveFulfillmentLocation,
  throwIfShippingProfileMismatch,
} from "../utils/prepare-fulfillment-data"

export type PlanFulfillmentInventoryStepInput = {
  order: { id: string; display_id?: number | string | null; items?: FulfillmentOrderLine[] | null }
  items: { id: string; quantity: BigNumberInput }[]
  items_list?: FulfillmentOrderLine[] | null
  reservations: FulfillmentReservation[]
  /** The location asked for; the shipping option's when left out (as Medusa). */
  location_id?: string | null
  shipping_option: FulfillmentShippingOption
}

export const planFulfillmentInventoryStepId = "oms-plan-fulfillment-inventory"

/**
 * Decides what a fulfillment takes from inventory: only the reservations at the fulfilling
 * location (src/lib/fulfillment). Refuses with Medusa's error type and sentence, in Medusa's
 * order: a shipping profile the option does not serve, no location, then the inventory
 * refusals. Reads only (names the locations for the messages), so there is nothing to undo.
 */
export const planFulfillmentInventoryStep = createStep(
  planFulfillmentInventoryStepId,
  async ({ shipping_option, ...input }: PlanFulfillmentInventoryStepInput, { container }) => {
    throwIfShippingProfileMismatch(input, shipping_option)
    const location_id = resolveFulfillmentLocation(input, shipping_option)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const ids = [...new Set([location_id, ...input.reservations.map((r) => r.location_id)])]
    const { data: locations } = await query.graph({
      entity: "stock_location",
      fields: ["id", "name"],
      filters: { id: ids },
    })
    const location_names = Object.fromEntries(locations.map((l: any) => [l.id, l.name]))
    const result = planFulfillmentInventory(toFulfillmentRequest({ ...input, location_id, location_names }))
    if (!result.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, result.refusal.message)
    return new StepResponse(result.plan)
  }
)

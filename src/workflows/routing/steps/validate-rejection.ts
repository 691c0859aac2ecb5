import { IInventoryService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RejectionReason } from "./correct-stock"

export type RejectLinesInput = {
  order_id: string
  location_id: string
  reason: RejectionReason
  items: { line_item_id: string; quantity: number }[]
  note?: string
  actor?: string
}

export const validateRejectionStepId = "oms-validate-rejection"

/**
 * A location can only reject what it holds for the order: each line must be reserved there,
 * at least the rejected quantity. Returns the units (per inventory item) and a sentence.
 */
export const validateRejectionStep = createStep(
  validateRejectionStepId,
  async (input: RejectLinesInput, { container }) => {
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const query = container.resolve("query") as any
    const reservations = await inventory.listReservationItems(
      { line_item_id: input.items.map((i) => i.line_item_id), location_id: input.location_id },
      { take: null }
    )
    const {
      data: [location],
    } = await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: input.location_id } })
    if (!location) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stock location with id: ${input.location_id} was not found`)

    const units: { inventory_item_id: string; quantity: number }[] = []
    for (const item of input.items) {
      const here = reservations.filter((r) => r.line_item_id === item.line_item_id)
      const held = here.reduce((s, r) => s + Number(r.quantity), 0)
      if (!held) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `items: line ${item.line_item_id} is not reserved at ${location.name}, so ${location.name} cannot reject it`
        )
      }
      if (item.quantity > held) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `items: ${location.name} holds ${held} unit(s) of line ${item.line_item_id}; it cannot reject ${item.quantity}`
        )
      }
      for (const itemId of new Set(here.map((r) => r.inventory_item_id))) units.push({ inventory_item_id: itemId, quantity: item.quantity })
    }
    const reason = input.reason.replace(/_/g, " ")
    const summary = `${location.name} rejected ${input.items.reduce((s, i) => s + i.quantity, 0)} unit(s) (${reason}${input.note ? `: ${input.note}` : ""}).`
    return new StepResponse({ units, summary, location_name: location.name })
  }
)

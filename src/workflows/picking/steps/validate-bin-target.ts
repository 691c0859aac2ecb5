import { IInventoryService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validateBinTargetStepId = "oms-validate-bin-target"

/** A bin belongs to an existing stock location and inventory item (400: the body names one that does not exist). */
export const validateBinTargetStep = createStep(
  validateBinTargetStepId,
  async (input: { stock_location_id: string; inventory_item_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const [{ data: locations }, items] = await Promise.all([
      query.graph({ entity: "stock_location", fields: ["id"], filters: { id: input.stock_location_id } }),
      inventory.listInventoryItems({ id: input.inventory_item_id }, { select: ["id"] }),
    ])
    if (!locations.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stock location with id: ${input.stock_location_id} was not found`)
    }
    if (!items.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Inventory item with id: ${input.inventory_item_id} was not found`)
    }
    return new StepResponse(true)
  }
)

import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MissingLevel } from "./check-inspection"

export const ensureRestockLevelsStepId = "oms-ensure-restock-levels"

/**
 * Gives each restock location an inventory level (0 stocked) for the returned items it lacks,
 * so Medusa's confirm-receive restocks them there instead of skipping them without a word.
 * Compensation deletes the levels this step created.
 */
export const ensureRestockLevelsStep = createStep(
  ensureRestockLevelsStepId,
  async (missing: MissingLevel[], { container }) => {
    if (!missing.length) return new StepResponse([] as string[], [] as string[])
    const created = await container
      .resolve(Modules.INVENTORY)
      .createInventoryLevels(missing.map((m) => ({ ...m, stocked_quantity: 0 })))
    const ids = created.map((l) => l.id)
    return new StepResponse(ids, ids)
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) return
    await container.resolve(Modules.INVENTORY).deleteInventoryLevels(ids)
  }
)

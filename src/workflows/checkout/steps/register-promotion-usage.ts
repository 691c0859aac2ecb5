import { IPromotionModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const registerPromotionUsageStepId = "oms-register-promotion-usage"

export type RegisterPromotionUsageInput = {
  computedActions: { amount: any; code: string }[]
  registrationContext: { customer_id: string | null; customer_email: string | null }
}

/**
 * Counts the order's promotion codes as used; reverted if a later step fails. Medusa's own
 * `registerUsageStep` (core-flows 2.21.2) is not exported, so this is the same step under our id.
 */
export const registerPromotionUsageStep = createStep(
  registerPromotionUsageStepId,
  async (data: RegisterPromotionUsageInput, { container }) => {
    if (!data.computedActions.length) {
      return new StepResponse(null, { computedActions: [], registrationContext: data.registrationContext })
    }
    const promotion = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
    await promotion.registerUsage(data.computedActions as any, data.registrationContext as any)
    return new StepResponse(null, data)
  },
  async (revert: RegisterPromotionUsageInput | undefined, { container }) => {
    if (!revert?.computedActions.length) return
    const promotion = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
    await promotion.revertUsage(revert.computedActions as any, revert.registrationContext as any)
  }
)

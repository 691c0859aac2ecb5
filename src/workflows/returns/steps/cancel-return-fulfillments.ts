import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const cancelReturnFulfillmentsStepId = "oms-cancel-return-fulfillments"

/**
 * Cancels the return's fulfillments (the inbound parcel Medusa made at confirm-request), which
 * Medusa's cancelReturnWorkflow requires ("All fulfillments must be canceled before canceling
 * a return"). The fulfillment module asks the provider to cancel too (a carrier label is voided
 * by the plugin's provider). No compensation: a canceled fulfillment stays canceled.
 */
export const cancelReturnFulfillmentsStep = createStep(
  cancelReturnFulfillmentsStepId,
  async (input: { return_id: string | null }, { container }) => {
    if (!input.return_id) return new StepResponse([] as string[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: ["id", "fulfillments.id", "fulfillments.canceled_at"],
      filters: { id: input.return_id },
    })
    const open = ((data[0] as any)?.fulfillments ?? []).filter((f: any) => f && !f.canceled_at).map((f: any) => f.id as string)
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    for (const id of open) await fulfillment.cancelFulfillment(id)
    return new StepResponse(open)
  }
)

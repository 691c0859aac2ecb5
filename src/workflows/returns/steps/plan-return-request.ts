import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReturnRequest } from "../../../lib/returns/types"
import { loadReturnContext } from "../utils/return-context"
import { isQuantityProblem, planReturnRequest, problemsSentence, ReturnPlan, ReturnSource } from "../utils/return-plan"

export const planReturnRequestStepId = "oms-plan-return-request"

export type PlanReturnRequestInput = { order_id: string; request: ReturnRequest; source: ReturnSource }

/**
 * Reads the order again under its lock and checks the request against what is returnable
 * now. A request that asks more units than are left is a 409 here: the route already checked it
 * (400 naming the field) before waiting for the lock, so units missing now were taken by a
 * return that held the lock first. Anything else wrong is a 400 naming the field. Read-only.
 */
export const planReturnRequestStep = createStep(
  planReturnRequestStepId,
  async (input: PlanReturnRequestInput, { container }) => {
    const ctx = await loadReturnContext(container, input.order_id)
    if (!ctx.order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${input.order_id} was not found`)
    const { problems, plan } = planReturnRequest(ctx, input.request, input.source)
    if (problems.length || !plan) {
      const type = problems.every(isQuantityProblem) ? MedusaError.Types.CONFLICT : MedusaError.Types.INVALID_DATA
      const why =
        type === MedusaError.Types.CONFLICT
          ? `Another return on order ${ctx.order.display_id ?? ctx.order.id} took these units first: ${problemsSentence(problems)}`
          : `Invalid request: ${problemsSentence(problems)}`
      throw new MedusaError(type, why)
    }
    return new StepResponse<ReturnPlan>(plan)
  }
)

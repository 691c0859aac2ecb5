import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseReturnPolicy } from "../../../lib/returns/schema"
import type { ReturnPolicy } from "../../../lib/returns/types"
import { policyColumns, returnsService } from "../utils/return-policies"

export const createReturnPolicyStepId = "oms-create-return-policy"

export type CreateReturnPolicyInput = Omit<ReturnPolicy, "id">

/** Stores a new policy (already validated by the route's schema); deleted again on failure. */
export const createReturnPolicyStep = createStep(
  createReturnPolicyStepId,
  async (input: CreateReturnPolicyInput, { container }) => {
    const created = await returnsService(container).createReturnPolicies(policyColumns(input))
    return new StepResponse(parseReturnPolicy(created), created.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    await returnsService(container).deleteReturnPolicies(id)
  }
)

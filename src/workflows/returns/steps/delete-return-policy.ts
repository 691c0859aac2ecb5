import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getReturnPolicyOr404, returnsService } from "../utils/return-policies"

export const deleteReturnPolicyStepId = "oms-delete-return-policy"

/**
 * Removes a policy (soft delete: cases keep their frozen terms and policy id). 404 for an
 * unknown id; restored on failure.
 */
export const deleteReturnPolicyStep = createStep(
  deleteReturnPolicyStepId,
  async (input: { id: string }, { container }) => {
    const policy = await getReturnPolicyOr404(container, input.id)
    await returnsService(container).softDeleteReturnPolicies(policy.id)
    return new StepResponse({ id: policy.id, object: "return_policy" as const, deleted: true as const }, policy.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    await returnsService(container).restoreReturnPolicies(id)
  }
)

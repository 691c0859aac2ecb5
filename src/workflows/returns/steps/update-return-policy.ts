import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseReturnPolicy, parseReturnPolicyDefinition } from "../../../lib/returns/schema"
import type { ReturnPolicy, ReturnPolicyDefinition } from "../../../lib/returns/types"
import { getReturnPolicyOr404, policyColumns, returnsService } from "../utils/return-policies"

export const updateReturnPolicyStepId = "oms-update-return-policy"

export type UpdateReturnPolicyInput = {
  id: string
  name?: string
  active?: boolean
  priority?: number
  market?: ReturnPolicy["market"]
  /** Only the settings that change; the others keep their stored values. */
  definition?: Partial<ReturnPolicyDefinition>
}

/**
 * Changes a policy. The definition is merged setting by setting over the stored one and the
 * result checked whole, so a partial update never leaves a policy eligibility cannot read.
 * Restored to the previous values on failure. 404 for an unknown id.
 */
export const updateReturnPolicyStep = createStep(
  updateReturnPolicyStepId,
  async (input: UpdateReturnPolicyInput, { container }) => {
    const before = await getReturnPolicyOr404(container, input.id)
    const next: ReturnPolicy = {
      id: before.id,
      name: input.name ?? before.name,
      active: input.active ?? before.active,
      priority: input.priority ?? before.priority,
      market: input.market === undefined ? before.market : input.market,
      definition: parseReturnPolicyDefinition({ ...before.definition, ...(input.definition ?? {}) }),
    }
    const updated = await returnsService(container).updateReturnPolicies({ id: before.id, ...policyColumns(next) })
    return new StepResponse(parseReturnPolicy(updated), before)
  },
  async (before: ReturnPolicy | undefined, { container }) => {
    if (!before) return
    await returnsService(container).updateReturnPolicies({ id: before.id, ...policyColumns(before) })
  }
)

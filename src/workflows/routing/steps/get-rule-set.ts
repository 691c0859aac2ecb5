import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ruleSetService } from "../utils/rule-sets"

export const getRuleSetStepId = "oms-get-rule-set"

/**
 * Reads one version: 404 when it does not exist, or 400 when `field` says the id came in a
 * request body under that name (an unknown id there is bad input, not a missing page).
 */
export const getRuleSetStep = createStep(getRuleSetStepId, async (input: { id: string; field?: string }, { container }) => {
  const [set] = await ruleSetService(container).listRuleSets({ id: input.id })
  if (!set && input.field) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${input.field}: rule set with id: ${input.id} was not found`)
  }
  if (!set) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
  return new StepResponse(set)
})

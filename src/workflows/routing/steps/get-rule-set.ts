import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ruleSetService } from "../utils/rule-sets"

export const getRuleSetStepId = "oms-get-rule-set"

/** Reads one version (404 when it does not exist). */
export const getRuleSetStep = createStep(getRuleSetStepId, async (input: { id: string }, { container }) => {
  const [set] = await ruleSetService(container).listRuleSets({ id: input.id })
  if (!set) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule set with id: ${input.id} was not found`)
  return new StepResponse(set)
})

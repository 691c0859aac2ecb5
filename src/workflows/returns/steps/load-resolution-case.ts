import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../modules/returns"

export const loadResolutionCaseStepId = "oms-load-resolution-case"

/** The case's order (for the order lock); a case id that does not exist is a 404. */
export const loadResolutionCaseStep = createStep(
  loadResolutionCaseStepId,
  async (input: { return_case_id: string }, { container }) => {
    const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const [row] = await service.listReturnCases({ id: input.return_case_id }, { take: 1 })
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return ${input.return_case_id} was not found.`)
    return new StepResponse({ id: row.id, order_id: row.order_id, rma_code: row.rma_code })
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"

export const markKeptCaseInspectedStepId = "oms-mark-kept-case-inspected"

/**
 * A keep-it case has nothing to inspect: once Medusa's receive confirmed the lines as dismissed
 * (no restock), the case is inspected at once and its resolution may run. Compensation puts the
 * case back to requested.
 */
export const markKeptCaseInspectedStep = createStep(
  markKeptCaseInspectedStepId,
  async ({ case_id }: { case_id: string }, { container }) => {
    const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const now = new Date()
    await returns.updateReturnCases({ id: case_id, status: "inspected", received_at: now, inspected_at: now })
    return new StepResponse(case_id, case_id)
  },
  async (caseId: string | undefined, { container }) => {
    if (!caseId) return
    await container
      .resolve<ReturnsModuleService>(RETURNS_MODULE)
      .updateReturnCases({ id: caseId, status: "requested", received_at: null, inspected_at: null })
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RETURNS_MODULE, ReturnsModuleService } from "../../../modules/returns"

export const claimCaseResolutionStepId = "oms-claim-case-resolution"

export type ClaimedResolution = { claimed: boolean; why: string | null }

export type ClaimCaseResolutionInput = {
  return_case_id: string
  /** An admin's retry: a failed resolution may be claimed again, and refusal is a 409. */
  retry?: boolean
}

/**
 * State first, under the order lock: only an inspected case whose resolution nobody holds may
 * run. The event's repeat finds it claimed and does nothing; a retry re-claims a failed one
 * (exactly one caller wins either way: both are conditional updates the database serialises).
 */
export const claimCaseResolutionStep = createStep(
  claimCaseResolutionStepId,
  async (input: ClaimCaseResolutionInput, { container }) => {
    const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const row = await service.retrieveReturnCase(input.return_case_id)
    const refuse = (why: string) => {
      if (input.retry) throw new MedusaError(MedusaError.Types.CONFLICT, why)
      return new StepResponse<ClaimedResolution, string>({ claimed: false, why }, "")
    }
    if (row.status !== "inspected") {
      return refuse(`Return ${row.rma_code} is ${row.status}; only an inspected return can be resolved.`)
    }
    const claimed =
      (await service.claimResolution(row.id)) || (input.retry ? await service.reclaimFailedResolution(row.id) : false)
    if (!claimed) {
      return refuse(`Return ${row.rma_code} is already being resolved or was resolved (resolution ${row.resolution_status}).`)
    }
    return new StepResponse<ClaimedResolution, string>({ claimed: true, why: null }, row.id)
  },
  async (caseId: string | undefined, { container }) => {
    // Only a claim this run made; a finished (done) or already failed case is left alone.
    if (!caseId) return
    await container
      .resolve<ReturnsModuleService>(RETURNS_MODULE)
      .markResolutionFailed(caseId, "The resolution stopped before it finished; retry it.")
  }
)

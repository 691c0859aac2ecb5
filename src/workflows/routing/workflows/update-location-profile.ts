import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { locationProfileLockKey } from "../../../lib/locks"
import {
  upsertLocationProfileStep,
  UpsertLocationProfileInput,
} from "../steps/upsert-location-profile"

export const updateLocationProfileWorkflowId = "oms-update-location-profile-workflow"

/**
 * Sets how routing treats one stock location. The stock location must exist (404 if not);
 * the lock makes two admins saving at once end with one profile, not two.
 */
export const updateLocationProfileWorkflow = createWorkflow(
  updateLocationProfileWorkflowId,
  (input: UpsertLocationProfileInput) => {
    const lockKey = transform({ input }, ({ input }) => locationProfileLockKey(input.stock_location_id))
    useQueryGraphStep({
      entity: "stock_location",
      fields: ["id"],
      filters: { id: input.stock_location_id },
      options: { throwIfKeyNotFound: true },
    })
    acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
    const profile = upsertLocationProfileStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(profile)
  }
)

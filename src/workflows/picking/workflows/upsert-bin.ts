import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertBinsStep } from "../steps/upsert-bins"
import { validateBinTargetStep } from "../steps/validate-bin-target"
import { BinUpsert } from "../../../lib/picking"
import { BINS_LOCK_KEY } from "../../../lib/locks"

export const upsertBinWorkflowId = "oms-upsert-bin-workflow"

/**
 * Sets an inventory item's bin at a stock location (404 if either is unknown). The walk
 * sequence comes from the code unless given; omitted, a hand-set one is kept. Bin changes take
 * turns, so two people saving the same bin end with one row.
 */
export const upsertBinWorkflow = createWorkflow(upsertBinWorkflowId, (input: BinUpsert) => {
  validateBinTargetStep(input)
  acquireLockStep({ key: BINS_LOCK_KEY, timeout: 30, ttl: 60 })
  const rows = transform({ input }, ({ input }) => ({ rows: [input] }))
  const bins = upsertBinsStep(rows)
  releaseLockStep({ key: BINS_LOCK_KEY })
  const bin = transform({ bins }, ({ bins }) => bins[0])
  return new WorkflowResponse(bin)
})

import { acquireLockStep, releaseLockStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveBinRowsStep } from "../steps/resolve-bin-rows"
import { upsertBinsStep } from "../steps/upsert-bins"
import { BINS_LOCK_KEY } from "../../../lib/locks"

export const importBinsWorkflowId = "oms-import-bins-workflow"

export type ImportBinsResult = { imported: number; errors: { line: number; message: string }[] }

/**
 * Imports a bins CSV (location, sku, bin, optional walk_sequence): good rows are saved (a row
 * for a location and item that has a bin replaces it), bad rows are reported by file line.
 * An empty walk_sequence derives it from the code.
 */
export const importBinsWorkflow = createWorkflow(importBinsWorkflowId, (input: { csv: string }) => {
  const resolved = resolveBinRowsStep(input)
  acquireLockStep({ key: BINS_LOCK_KEY, timeout: 30, ttl: 120 })
  const rows = transform({ resolved }, ({ resolved }) => ({
    rows: resolved.rows.map(({ line, ...row }) => row),
  }))
  upsertBinsStep(rows)
  releaseLockStep({ key: BINS_LOCK_KEY })
  const result = transform({ resolved }, ({ resolved }): ImportBinsResult => ({
    imported: resolved.rows.length,
    errors: resolved.errors,
  }))
  return new WorkflowResponse(result)
})

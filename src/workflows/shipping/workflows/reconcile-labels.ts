import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ReconcileLabelsInput, reconcileLabelsStep } from "../steps/reconcile-labels"

export const reconcileLabelsWorkflowId = "oms-reconcile-labels-workflow"

/** The ledger's housekeeping (see the step): unknown outcomes looked up, orphans voided. */
export const reconcileLabelsWorkflow = createWorkflow(reconcileLabelsWorkflowId, (input: ReconcileLabelsInput) => {
  return new WorkflowResponse(reconcileLabelsStep(input))
})

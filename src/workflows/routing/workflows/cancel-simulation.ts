import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelSimulationStep } from "../steps/cancel-simulation"

export const cancelSimulationWorkflowId = "oms-cancel-simulation-workflow"

/** Cancels a queued or running simulation; a finished one stays as it is. */
export const cancelSimulationWorkflow = createWorkflow(cancelSimulationWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(cancelSimulationStep(input))
})

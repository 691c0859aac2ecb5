import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { startSimulationStep } from "../steps/start-simulation"

export const startSimulationWorkflowId = "oms-start-simulation-workflow"

/** Queued -> running, with the window counted; `started: false` when it should not run. */
export const startSimulationWorkflow = createWorkflow(startSimulationWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(startSimulationStep(input))
})

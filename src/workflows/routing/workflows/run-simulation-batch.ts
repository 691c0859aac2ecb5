import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SimulationBatchInput, simulationBatchStep } from "../steps/simulation-batch"

export type { SimulationRow } from "../steps/simulation-batch"

export const runSimulationBatchWorkflowId = "oms-run-simulation-batch-workflow"

/** One batch of a running simulation; `stop` after the last batch or once canceled. */
export const runSimulationBatchWorkflow = createWorkflow(runSimulationBatchWorkflowId, (input: SimulationBatchInput) => {
  return new WorkflowResponse(simulationBatchStep(input))
})

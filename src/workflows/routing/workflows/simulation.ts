import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getRuleSetStep } from "../steps/get-rule-set"
import { cancelSimulationStep } from "../steps/cancel-simulation"
import { CreateSimulationInput, createSimulationStep } from "../steps/create-simulation"
import { SimulationBatchInput, simulationBatchStep } from "../steps/simulation-batch"
import { startSimulationStep } from "../steps/start-simulation"

export type { SimulationWindow, CreateSimulationInput } from "../steps/create-simulation"
export type { SimulationRow } from "../steps/simulation-batch"

/** Emitted with `{ id }` when a simulation is queued; `subscribers/run-simulation.ts` runs it. */
export const SimulationEvents = {
  REQUESTED: "oms.simulation.requested",
} as const

/** Queues a replay of past decisions through a rule set (404 for an unknown rule set). */
export const createSimulationWorkflow = createWorkflow("oms-create-simulation", (input: CreateSimulationInput) => {
  getRuleSetStep({ id: input.rule_set_id })
  const simulation = createSimulationStep(input)
  const data = transform({ simulation }, ({ simulation }) => ({ id: simulation.id }))
  emitEventStep({ eventName: SimulationEvents.REQUESTED, data })
  return new WorkflowResponse(simulation)
})

/** Queued -> running, with the window counted; `started: false` when it should not run. */
export const startSimulationWorkflow = createWorkflow("oms-start-simulation", (input: { id: string }) => {
  return new WorkflowResponse(startSimulationStep(input))
})

/** One batch of a running simulation; `stop` after the last batch or once canceled. */
export const runSimulationBatchWorkflow = createWorkflow("oms-run-simulation-batch", (input: SimulationBatchInput) => {
  return new WorkflowResponse(simulationBatchStep(input))
})

/** Cancels a queued or running simulation; a finished one stays as it is. */
export const cancelSimulationWorkflow = createWorkflow("oms-cancel-simulation", (input: { id: string }) => {
  return new WorkflowResponse(cancelSimulationStep(input))
})

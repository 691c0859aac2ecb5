import { emitEventStep } from "@medusajs/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SimulationEvents } from "../events"
import { CreateSimulationInput, createSimulationStep } from "../steps/create-simulation"
import { getRuleSetStep } from "../steps/get-rule-set"

export type { SimulationWindow, CreateSimulationInput } from "../steps/create-simulation"

export const createSimulationWorkflowId = "oms-create-simulation-workflow"

/** Queues a replay of past decisions through a rule set (400 for an unknown rule_set_id). */
export const createSimulationWorkflow = createWorkflow(createSimulationWorkflowId, (input: CreateSimulationInput) => {
  getRuleSetStep({ id: input.rule_set_id, field: "rule_set_id" })
  const simulation = createSimulationStep(input)
  const data = transform({ simulation }, ({ simulation }) => ({ id: simulation.id }))
  emitEventStep({ eventName: SimulationEvents.REQUESTED, data })
  return new WorkflowResponse(simulation)
})

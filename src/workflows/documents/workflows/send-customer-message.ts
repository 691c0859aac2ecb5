import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCustomerMessageStep, type SendCustomerMessageInput } from "../steps/send-customer-message"

export const sendCustomerMessageWorkflowId = "oms-send-customer-message-workflow"

/** One customer message for one event, sent at most once however often the event arrives. */
export const sendCustomerMessageWorkflow = createWorkflow(sendCustomerMessageWorkflowId, (input: SendCustomerMessageInput) => {
  return new WorkflowResponse(sendCustomerMessageStep(input))
})

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueInvoiceStep, type IssueInvoiceInput } from "../steps/issue-invoice"

export const issueInvoiceWorkflowId = "oms-issue-invoice-workflow"

/** Issues an order's invoice (or finds the one it has): numbered, rendered and stored at once. */
export const issueInvoiceWorkflow = createWorkflow(issueInvoiceWorkflowId, (input: IssueInvoiceInput) => {
  return new WorkflowResponse(issueInvoiceStep(input))
})

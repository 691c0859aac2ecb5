import {
  beginReceiveReturnWorkflow,
  confirmReturnReceiveWorkflow,
  createAndCompleteReturnOrderWorkflow,
  dismissItemReturnRequestWorkflow,
  emitEventStep,
} from "@medusajs/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ReturnRequest } from "../../../lib/returns/types"
import { acquireOrderLock, releaseOrderLock } from "../../shared/order-lock"
import { ReturnEvents } from "../events"
import { buyCaseReturnLabelStep } from "../steps/buy-case-return-label"
import { createReturnCaseStep } from "../steps/create-return-case"
import { markKeptCaseInspectedStep } from "../steps/mark-kept-case-inspected"
import { planReturnRequestStep } from "../steps/plan-return-request"
import type { ReturnSource } from "../utils/return-plan"

export const requestReturnWorkflowId = "oms-request-return-workflow"

export type RequestReturnInput = {
  order_id: string
  request: ReturnRequest
  source: ReturnSource
  created_by?: string | null
}

/**
 * A customer's (or an admin's) return request, made under the order's lock so concurrent
 * requests take turns and never ask Medusa for more than is returnable:
 * re-check under the lock -> Medusa's return (confirmed, not received, `location_id` = the
 * destination, the return option chosen here) -> the case and its lines -> by method: a return
 * label bought through the carrier ledger; nothing for a drop-off; keep-it: Medusa's receive
 * with every line dismissed (no restock), the case inspected, `oms.return.inspected` emitted
 * -> `oms.return.requested`. Any failure undoes what came before (Medusa's return reverted,
 * case deleted, label voided).
 */
export const requestReturnWorkflow = createWorkflow(requestReturnWorkflowId, (input: RequestReturnInput) => {
  // Twenty requests on one order wait in line; each takes well under a second.
  const key = acquireOrderLock(input.order_id, { timeout: 120, ttl: 120 })
  const plan = planReturnRequestStep({ order_id: input.order_id, request: input.request, source: input.source })

  const returnInput = transform({ plan, input }, ({ plan, input }) => ({
    order_id: plan.order.id,
    items: plan.lines.map((l) => ({
      id: l.order_line_item_id,
      quantity: l.quantity,
      ...(l.reason_id ? { reason_id: l.reason_id } : {}),
      ...(l.note ? { note: l.note } : {}),
    })),
    // The customer's return postage is the policy's business (terms.shipping, deducted from the
    // refund), so Medusa's return shipping method carries no charge of its own.
    return_shipping: { option_id: plan.return_option_id, price: 0 },
    location_id: plan.location_id,
    receive_now: false,
    created_by: input.created_by ?? undefined,
    note: plan.note ?? undefined,
  }))
  const medusaReturn = createAndCompleteReturnOrderWorkflow.runAsStep({ input: returnInput })
  const created = createReturnCaseStep({ plan, return_id: medusaReturn.id, created_by: input.created_by })

  when("oms-return-buys-label", { plan }, ({ plan }) => plan.method === "label").then(() => {
    buyCaseReturnLabelStep({ case_id: created.id, plan })
  })

  when("oms-return-keeps-items", { plan }, ({ plan }) => plan.method === "keep_it").then(() => {
    const items = transform({ plan }, ({ plan }) => plan.lines.map((l) => ({ id: l.order_line_item_id, quantity: l.quantity })))
    beginReceiveReturnWorkflow.runAsStep({ input: { return_id: medusaReturn.id, created_by: input.created_by ?? undefined } })
    dismissItemReturnRequestWorkflow.runAsStep({ input: { return_id: medusaReturn.id, items } })
    confirmReturnReceiveWorkflow.runAsStep({ input: { return_id: medusaReturn.id, confirmed_by: input.created_by ?? undefined } })
    markKeptCaseInspectedStep({ case_id: created.id })
    const inspected = transform({ created, medusaReturn, plan }, ({ created, medusaReturn, plan }) => ({
      eventName: ReturnEvents.INSPECTED,
      data: { id: created.id, order_id: plan.order.id, return_id: medusaReturn.id },
    }))
    emitEventStep(inspected).config({ name: "oms-emit-return-inspected" })
  })

  const requested = transform({ created, medusaReturn, plan }, ({ created, medusaReturn, plan }) => ({
    eventName: ReturnEvents.REQUESTED,
    data: { id: created.id, order_id: plan.order.id, return_id: medusaReturn.id },
  }))
  emitEventStep(requested).config({ name: "oms-emit-return-requested" })
  releaseOrderLock(key)
  return new WorkflowResponse(transform({ created }, ({ created }) => ({ id: created.id, rma_code: created.rma_code })))
})

import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { RETURNS_MODULE } from "../modules/returns"
import type ReturnsModuleService from "../modules/returns/service"
import { ReturnEvents } from "../workflows/returns/events"
import { issueCreditNoteWorkflow } from "../workflows/documents/workflows/issue-credit-note"

type Resolved = { id: string; order_id: string; return_id: string; resolution?: string; amount?: number }

/**
 * oms.return.resolved with store credit -> a credit note for the returned units (keyed by the
 * case). A refund is credited from its payment.refunded event instead, and an exchange moves
 * no money, so neither gets a second note here.
 */
export default async function creditResolvedReturn({ event, container }: SubscriberArgs<Resolved>) {
  const [rma] = await container
    .resolve<ReturnsModuleService>(RETURNS_MODULE)
    .listReturnCases({ id: event.data.id }, { relations: ["lines"], take: 1 })
  if (!rma || rma.resolution !== "store_credit") return
  await issueCreditNoteWorkflow(container).run({
    input: {
      order_id: rma.order_id,
      source_key: `return:${rma.id}`,
      return_id: rma.return_id,
      return_case_id: rma.id,
      amount: event.data.amount ?? rma.expected_refund ?? undefined,
      lines: (rma.lines ?? []).map((l: any) => ({ id: l.order_line_item_id, quantity: l.quantity })),
      reason: `Return ${rma.rma_code} (store credit)`,
    },
  })
}

export const config: SubscriberConfig = {
  event: ReturnEvents.RESOLVED,
  context: { subscriberId: "oms-credit-resolved-return" },
}

import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReturnEvents } from "../workflows/returns/events"
import { resolveReturnWorkflow } from "../workflows/returns/workflows/resolve-return"

/**
 * oms.return.inspected -> release the refund, store credit or exchange. Events arrive at least
 * once: a repeat finds the resolution claimed and does nothing. A failed payout is recorded on
 * the case (resolution failed + sentence), not thrown, so the event is not redelivered into a
 * second payout; an admin retries it.
 */
export default async function resolveInspectedReturn({ event, container }: SubscriberArgs<{ id: string }>) {
  await resolveReturnWorkflow(container).run({ input: { return_case_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: ReturnEvents.INSPECTED,
  context: { subscriberId: "oms-resolve-inspected-return" },
}

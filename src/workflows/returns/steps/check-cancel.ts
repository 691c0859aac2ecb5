import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCase, wrongState } from "../utils/case-record"

export const checkCancelStepId = "oms-check-cancel"

/**
 * A case can be withdrawn only while it waits for its parcel (requested): once received,
 * inspected, resolved or already canceled it is a 409 and nothing changes. Reads only.
 */
export const checkCancelStep = createStep(checkCancelStepId, async (input: { return_case_id: string }, { container }) => {
  const row = await readCase(container, input.return_case_id)
  if (row.status !== "requested") throw wrongState(row, "canceled")
  return new StepResponse({
    id: row.id as string,
    order_id: row.order_id as string,
    return_id: (row.return_id ?? null) as string | null,
    label_id: (row.label_id ?? null) as string | null,
  })
})

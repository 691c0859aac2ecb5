import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCase, returnsService, wrongState } from "../utils/case-record"

export const markParcelReceivedStepId = "oms-mark-parcel-received"

export type MarkParcelReceivedInput = { return_case_id: string; received_by?: string | null }

type Undo = { id: string; status: string; received_at: Date | null } | null

/**
 * The parcel was scanned in: requested -> receiving with received_at. Run under the order lock
 * and read fresh, so a repeated or concurrent scan finds the case receiving and changes nothing
 * (`changed: false`, no second event). Inspected, resolved or canceled cases are a 409.
 */
export const markParcelReceivedStep = createStep(
  markParcelReceivedStepId,
  async (input: MarkParcelReceivedInput, { container }) => {
    const row = await readCase(container, input.return_case_id)
    if (row.status === "receiving") return new StepResponse({ case: row, changed: false }, null as Undo)
    if (row.status !== "requested") throw wrongState(row, "received")
    await returnsService(container).updateReturnCases({ id: row.id, status: "receiving", received_at: new Date() })
    const updated = await readCase(container, row.id)
    return new StepResponse({ case: updated, changed: true }, { id: row.id, status: row.status, received_at: row.received_at ?? null } as Undo)
  },
  async (undo: Undo, { container }) => {
    if (!undo) return
    await returnsService(container).updateReturnCases({ id: undo.id, status: undo.status as any, received_at: undo.received_at })
  }
)

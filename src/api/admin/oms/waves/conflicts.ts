import { MedusaResponse } from "@medusajs/framework/http"
import { isPickingConflict } from "../../../../workflows/picking/utils/conflict"

/**
 * Runs a picking route and answers a state refusal (wave not open, order not picked, nothing
 * matches...) with 409 and the workflow's sentence, which Medusa's own CONFLICT answer would
 * replace with a generic one. Every other error goes to Medusa's error handler.
 */
export async function answeringConflicts(res: MedusaResponse, work: () => Promise<void>) {
  try {
    await work()
  } catch (e) {
    if (!isPickingConflict(e)) throw e
    res.status(409).json({ type: "conflict", code: "invalid_state_error", message: e.message })
  }
}

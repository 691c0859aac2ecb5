import { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** True for a MedusaError CONFLICT, also after a workflow serialised the error. */
export function isStateConflict(e: unknown): e is { message: string } {
  return (e as { type?: string } | null)?.type === MedusaError.Types.CONFLICT
}

/**
 * Runs a route and answers a state conflict (the entity is in the wrong state: a rule set that
 * is not a draft, a wave already started, an order canceled) with 409 and the step's sentence.
 * Medusa's error handler answers CONFLICT with 409 too, but replaces the message with a fixed
 * sentence about idempotency keys, which would hide why. Every other error goes to Medusa's handler.
 */
export async function answeringConflicts(res: MedusaResponse, work: () => Promise<void>) {
  try {
    await work()
  } catch (e) {
    if (!isStateConflict(e)) throw e
    res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "invalid_state_error", message: e.message })
  }
}

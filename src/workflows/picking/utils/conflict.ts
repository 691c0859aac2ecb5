import { MedusaError } from "@medusajs/framework/utils"

/**
 * A refusal because of a wave's or order's state (wave not open, order not picked, nothing to
 * pick): a MedusaError CONFLICT, answered 409 with this message by the routes
 * (src/api/utils/conflicts.ts; Medusa's own handler would replace the message).
 */
export function pickingConflict(message: string) {
  return new MedusaError(MedusaError.Types.CONFLICT, message)
}

import { MedusaError } from "@medusajs/framework/utils"

/** Marks a refusal because of a wave's or order's state (routes answer it with 409). */
export const PICKING_CONFLICT = "oms_picking_conflict"

/**
 * Medusa's error handler answers MedusaError CONFLICT with a fixed sentence about idempotency
 * keys, which would hide why a wave refused. Picking refusals are NOT_ALLOWED (400 where no
 * route translates them) carrying this code; the picking routes answer them with 409 and the
 * message (see src/api/admin/oms/waves/conflicts.ts).
 */
export function pickingConflict(message: string) {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, message, PICKING_CONFLICT)
}

/** True for a picking conflict, also after a workflow serialised the error. */
export function isPickingConflict(e: unknown): e is { message: string } {
  return (e as { code?: string } | null)?.code === PICKING_CONFLICT
}

import { MedusaError } from "@medusajs/framework/utils"
import { pickingConflict } from "../utils/conflict"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Parcel } from "../../../lib/picking"
import { loadPackContext } from "../utils/pack-context"
import { requireStatus } from "../utils/wave-records"

export const preparePackStepId = "oms-prepare-pack"

export type PackOrderInput = {
  wave_id: string
  order_id: string
  parcel?: Parcel
  items?: { line_item_id: string; quantity: number }[]
  actor?: string
}

export type PreparedPack = {
  /** The order's pack when it is packed already: packing again returns it and creates nothing. */
  existing: { id: string; status: "packed"; fulfillment_id: string | null } | null
  location_id: string
  display_id: number
  items: { line_item_id: string; quantity: number }[]
  parcel: Parcel
}

/**
 * Read-only, under the order's lock: checks the pack row first (already packed: nothing to do),
 * then that the order's stops are walked, and settles what goes into the parcel: every picked
 * unit the order still has at the wave's location, or the `items` asked for (each at most what
 * was picked). The parcel defaults to the variants' weight and dimensions.
 */
export const preparePackStep = createStep(preparePackStepId, async (input: PackOrderInput, { container }) => {
  const ctx = await loadPackContext(container, input.wave_id, input.order_id)
  const base = { location_id: ctx.wave.stock_location_id, display_id: ctx.display_id }
  if (ctx.pack) {
    const prepared: PreparedPack = { ...base, existing: ctx.pack, items: [], parcel: ctx.pack.parcel ?? ctx.parcel }
    return new StepResponse(prepared)
  }
  requireStatus(ctx.wave, ["picking", "picked"], `pack order #${ctx.display_id}`)
  const waiting = ctx.lines.filter((l) => l.open && l.status === "waiting").reduce((s, l) => s + l.quantity, 0)
  if (waiting) {
    throw pickingConflict(
        `Order #${ctx.display_id} is not picked yet: ${waiting} unit(s) of it are still on the pick list`
      )
  }
  if (!ctx.items.length) {
    throw pickingConflict(
        `Order #${ctx.display_id} has nothing to pack in this wave: its units went back to routing after a short pick`
      )
  }

  const available = new Map(ctx.items.map((i) => [i.line_item_id, i.quantity]))
  const items = input.items?.length ? input.items : ctx.items.map((i) => ({ line_item_id: i.line_item_id, quantity: i.quantity }))
  input.items?.forEach((item, k) => {
    const picked = available.get(item.line_item_id)
    if (picked === undefined) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `items[${k}].line_item_id: line ${item.line_item_id} has no picked units of order #${ctx.display_id} in this wave`
      )
    }
    if (item.quantity > picked) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `items[${k}].quantity: ${picked} unit(s) of line ${item.line_item_id} were picked; ${item.quantity} cannot be packed`
      )
    }
  })
  const prepared: PreparedPack = { ...base, existing: null, items, parcel: input.parcel ?? ctx.parcel }
  return new StepResponse(prepared)
})

import { isItem } from "./scanned-code"
import type { PackItem, PackOutcome, PackState } from "./types"

/** The packer's checklist: every item of the order, none scanned into the parcel yet. */
export function startPackScan(items: Omit<PackItem, "scanned">[]): PackState {
  return { items: items.map((item) => ({ ...item, scanned: 0 })) }
}

/**
 * One item scanned into the parcel. The first line of that item with room left takes it, so
 * an order with the same SKU on two lines fills them one after the other.
 */
export function applyPackScan(state: PackState, code: string): { state: PackState; outcome: PackOutcome } {
  const matching = state.items.filter((item) => isItem(code, item))
  if (matching.length === 0) {
    return { state, outcome: { ok: false, code: "wrong_item", message: `Wrong item: ${code.trim() || "nothing"} is not in this order.` } }
  }
  const target = matching.find((item) => item.scanned < item.quantity)
  const name = matching[0].sku ?? matching[0].barcode ?? "item"
  if (!target) {
    const wanted = matching.reduce((sum, item) => sum + item.quantity, 0)
    return {
      state,
      outcome: { ok: false, code: "over_scan", message: `Too many: the order has ${wanted} × ${name}, all already in the parcel.`, line_item_id: matching[0].line_item_id },
    }
  }
  const next = { items: state.items.map((item) => (item === target ? { ...item, scanned: item.scanned + 1 } : item)) }
  const done = packComplete(next)
  const counted = next.items.filter((item) => isItem(code, item)).reduce((sum, item) => sum + item.scanned, 0)
  const wanted = matching.reduce((sum, item) => sum + item.quantity, 0)
  return {
    state: next,
    outcome: {
      ok: true,
      code: done ? "order_complete" : "item_ok",
      message: done ? `${name}: ${counted} of ${wanted}. Everything is in the parcel: pack it.` : `${name}: ${counted} of ${wanted} in the parcel.`,
      line_item_id: target.line_item_id,
    },
  }
}

/** Whether every unit of the order is in the parcel. */
export function packComplete(state: PackState): boolean {
  return state.items.every((item) => item.scanned >= item.quantity)
}

import type { WaveLineState } from "./types"

export type OrderWaveStatus = "waiting" | "picked" | "short" | "packed"

/**
 * Where one order stands in a wave: packed once its pack exists; short when a short pick took
 * units from it (they went back to routing); picked when every line's stop is done; else waiting.
 */
export function orderWaveStatus(lines: WaveLineState[], packed: boolean): OrderWaveStatus {
  if (packed) return "packed"
  if (lines.some((l) => l.status === "short" || l.quantity < l.quantity_planned)) return "short"
  if (lines.length && lines.every((l) => l.status === "picked" || l.status === "packed")) return "picked"
  return "waiting"
}

/** The units one order line can go into a parcel with: picked from the shelf and still owed. */
export function packableUnits(lines: WaveLineState[]): Map<string, number> {
  const perItem = new Map<string, number[]>()
  for (const l of lines) {
    if (!l.open) continue
    perItem.set(l.line_item_id, [...(perItem.get(l.line_item_id) ?? []), Math.min(l.picked, l.quantity)])
  }
  // A line made of several inventory items packs as many units as its scarcest item allows.
  return new Map([...perItem].map(([id, units]) => [id, Math.min(...units)]).filter(([, n]) => (n as number) > 0) as [string, number][])
}

/** Every order the wave still ships (lines with units left) has its pack. */
export function everyOrderPacked(lines: WaveLineState[], packedOrderIds: Set<string>): boolean {
  const toPack = new Set(lines.filter((l) => l.quantity > 0 && l.status !== "canceled").map((l) => l.order_id))
  return [...toPack].every((id) => packedOrderIds.has(id))
}

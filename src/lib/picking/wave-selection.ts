import type { WaveCandidate, WaveFilters } from "./types"

/** Units of an order at the wave's location. */
export function waveUnits(candidate: WaveCandidate): number {
  return candidate.lines.reduce((sum, line) => sum + Math.max(0, line.quantity), 0)
}

/**
 * The orders a wave takes, oldest first (placed_at, then display_id). Orders with nothing
 * left to pick are never selected. `max_orders` cuts after sorting, so a small wave takes the
 * orders that have waited longest.
 */
export function selectWaveOrders(candidates: WaveCandidate[], filters: WaveFilters, now: Date): WaveCandidate[] {
  const matches = [shipsWith(filters), placedBefore(filters), ofKind(filters), olderThan(filters, now)]
  const selected = candidates
    .filter((c) => waveUnits(c) > 0 && matches.every((match) => match(c)))
    .sort(oldestFirst)
  return filters.max_orders === undefined ? selected : selected.slice(0, Math.max(0, filters.max_orders))
}

type Match = (candidate: WaveCandidate) => boolean

function shipsWith({ shipping_option_ids }: WaveFilters): Match {
  if (!shipping_option_ids?.length) return () => true
  const wanted = new Set(shipping_option_ids)
  return (c) => c.shipping_option_ids.some((id) => wanted.has(id))
}

function placedBefore({ placed_before }: WaveFilters): Match {
  if (placed_before === undefined) return () => true
  const cutoff = Date.parse(placed_before)
  return (c) => Date.parse(c.placed_at) < cutoff
}

function ofKind({ kind }: WaveFilters): Match {
  if (kind === "single") return (c) => waveUnits(c) === 1
  if (kind === "multi") return (c) => waveUnits(c) > 1
  return () => true
}

function olderThan({ min_age_minutes }: WaveFilters, now: Date): Match {
  if (!min_age_minutes) return () => true
  const latest = now.getTime() - min_age_minutes * 60_000
  return (c) => Date.parse(c.placed_at) <= latest
}

function oldestFirst(a: WaveCandidate, b: WaveCandidate): number {
  return Date.parse(a.placed_at) - Date.parse(b.placed_at) || a.display_id - b.display_id
}

/**
 * When each step of a demo history order happens (scripts/seed/demo-history.ts): placed on a day
 * of the past six weeks between 07:00 and 19:00 UTC, then routed, picked, packed, shipped,
 * delivered and (for the ones that come back) returned, each a random while after the one before.
 * Steps that would still lie ahead are left out, so recent orders are not yet shipped.
 */
import type { StepName } from "./history-clock"

export const HISTORY_DAYS = 42
const DAYS = HISTORY_DAYS
const HOUR = 3_600_000

/** Plans one order's life: when each step happens, relative to now; steps still ahead are left out. */
export function planOrderTimeline(k: number, total: number, now: Date, rand: () => number): Partial<Record<StepName, Date>> {
  const daysAgo = DAYS - ((DAYS - 0.5) * k) / Math.max(total - 1, 1)
  const placed = new Date(now.getTime() - daysAgo * 24 * HOUR)
  placed.setUTCHours(7 + Math.floor(rand() * 12), Math.floor(rand() * 60), 0, 0)
  if (placed.getTime() > now.getTime() - HOUR) placed.setTime(now.getTime() - 2 * HOUR)
  // Weeks three and four were a busy spell: the floor took longer to pick.
  const busy = daysAgo > 14 && daysAgo < 28 ? 2.2 : 1
  const durations: [StepName, number][] = [
    ["routed", (2 + rand() * 18) / 60],
    ["picked", (1 + rand() * 5) * busy],
    ["packed", 0.2 + rand() * 0.8],
    ["shipped", 2 + rand() * 16],
    ["delivered", 20 + rand() * 90],
    ["return_requested", 24 + rand() * 120],
    ["return_received", 48 + rand() * 72],
    ["return_resolved", 2 + rand() * 30],
  ]
  const plan: Partial<Record<StepName, Date>> = { placed }
  let at = placed.getTime()
  for (const [step, hours] of durations) {
    at += hours * HOUR
    if (at > now.getTime() - 10 * 60_000) break
    plan[step] = new Date(at)
  }
  return plan
}


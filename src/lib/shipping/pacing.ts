/**
 * Request pacing for a carrier's rate limit, as a generic cell rate algorithm: each request is
 * given the next free slot, `interval_ms` after the one before, and up to `burst` requests may
 * go at once after a quiet spell. Spacing requests evenly (rather than counting them in a
 * window and waiting for 429s) keeps a carrier that counts per second from ever seeing more
 * than its limit, whatever the latency of each answer.
 */
export type PaceState = {
  /** When the next request would be due if requests went one per interval (ms since epoch). */
  due_at: number
}

export type Pace = {
  /** Requests per second to allow: a share of the carrier's limit, so clocks and jitter keep us under it. */
  per_second: number
  /** Requests that may go back to back after the account was idle. */
  burst: number
}

export type Slot = {
  /** When this request may be sent (ms since epoch); `now` or later. */
  at: number
  state: PaceState
}

export function nextSlot(state: PaceState | null, now: number, pace: Pace): Slot {
  if (!(pace.per_second > 0)) throw new Error("per_second must be more than 0")
  // Whole milliseconds, rounded up: fractional intervals drift (3 x 333.33 ms can land a fourth
  // request a hair inside the first one's second), and a slot is a timer's millisecond anyway.
  const interval = Math.ceil(1000 / pace.per_second)
  const burst = Math.max(1, Math.floor(pace.burst))
  // After a quiet spell the schedule does not bank more than `burst` requests.
  const due = Math.max(state?.due_at ?? now, now - (burst - 1) * interval)
  const at = Math.max(now, due)
  return { at, state: { due_at: due + interval } }
}

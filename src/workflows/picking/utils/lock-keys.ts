/**
 * Wave creation at one stock location: two people building waves at the same moment take
 * turns, so the second sees the first one's lines as taken.
 */
export const waveLocationLockKey = (stockLocationId: string) => `oms:wave:${stockLocationId}`

/** Every change to one wave (start, scan, short pick, cancel, pack totals) takes turns. */
export const waveLockKey = (waveId: string) => `oms:wave:${waveId}`

/**
 * Bin changes (single edits and CSV imports, which may span locations) take turns on one key:
 * they are rare and short, and one key cannot be half-acquired.
 */
export const BINS_LOCK_KEY = "oms:bins"

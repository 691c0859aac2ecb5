/**
 * The names of every lock the plugin takes (Medusa's locking module). One file, so two
 * capabilities that must take turns on the same thing take the same key.
 */

/**
 * The lock every change to an order's allocation, fulfillment, labels or returns holds. The
 * plain `order:<id>` (no `oms:` prefix) is on purpose: it is the house rule every workflow that
 * touches an order shares, whichever capability it belongs to.
 */
export const orderLockKey = (orderId: string) => `order:${orderId}`

/** Saving one stock location's routing profile: two admins at once end with one profile. */
export const locationProfileLockKey = (stockLocationId: string) => `oms:location-profile:${stockLocationId}`

/**
 * Activating rule sets of one scope (a sales channel, or the global scope for null): the
 * version being replaced is archived under it, so a scope never ends with two active.
 */
export const ruleSetScopeLockKey = (salesChannelId: string | null | undefined) =>
  `oms:rule-sets:${salesChannelId ?? "global"}`

/** Status changes of one simulation (start, each batch's write, cancel). */
export const simulationLockKey = (simulationId: string) => `oms:simulation:${simulationId}`

/** Shadow planning of one order: a repeated event waits and then updates the same rows. */
export const shadowLockKey = (orderId: string) => `oms:shadow:${orderId}`

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

/**
 * The request pace of one carrier account, shared by every server and worker process: each
 * request takes the next slot under this lock (see src/providers/carrier/rate-limit).
 */
export const carrierPaceLockKey = (carrierAccountId: string) => `oms:carrier-pace:${carrierAccountId}`

/**
 * One customer's store credit in one currency: spending at checkout and issuing after a
 * return take turns, so the balance a cart spends is the balance after every earlier entry.
 */
export const storeCreditLockKey = (customerId: string, currencyCode: string) =>
  `oms:store-credit:${customerId}:${currencyCode.toLowerCase()}`

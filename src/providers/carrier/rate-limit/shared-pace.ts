import type { ICacheService, ILockingModule } from "@medusajs/framework/types"
import { carrierPaceLockKey } from "../../../lib/locks"
import { nextSlot, Pace, PaceState } from "../../../lib/shipping/pacing"

/**
 * One carrier account's request pace, shared by every process of the shop: the slot schedule
 * lives in Medusa's cache module and each request takes its slot under Medusa's locking module.
 * With the Redis cache and locking providers, a server and its workers (or several servers)
 * draw from one schedule; in memory, it is one process's. The adapters call `acquire()` before
 * every attempt, retries included (src/providers/carrier/http).
 */
export type SharedPaceDeps = {
  cache: Pick<ICacheService, "get" | "set">
  locking: Pick<ILockingModule, "execute">
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

export type SharedPace = {
  /** Waits for this request's slot; answers the slot it was given (ms since epoch). */
  acquire(): Promise<number>
}

const stateKey = (accountId: string) => `oms:carrier-pace:${accountId}`
// The schedule is only needed while requests flow; a quiet account's entry can expire.
const STATE_TTL_S = 60

export function sharedPace(accountId: string, pace: Pace, deps: SharedPaceDeps): SharedPace {
  const now = deps.now ?? Date.now
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  return {
    async acquire() {
      const slot = await deps.locking.execute(
        carrierPaceLockKey(accountId),
        async () => {
          const state = (await deps.cache.get<PaceState>(stateKey(accountId))) ?? null
          const next = nextSlot(state, now(), pace)
          await deps.cache.set(stateKey(accountId), next.state, STATE_TTL_S)
          return next.at
        },
        { timeout: 30 }
      )
      const wait = slot - now()
      if (wait > 0) await sleep(wait)
      return slot
    },
  }
}

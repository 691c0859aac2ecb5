// Inventory-item locks on Medusa's own in-memory locking provider (the one a single-process app
// runs): two checkouts whose carts list the same items in opposite orders.
import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import { inventoryLockKeys, withInventoryLocks } from "../locked-stock"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the app's container gives withInventoryLocks for Modules.LOCKING. */
const containerWith = (locking: InMemoryLockingProvider) => ({ resolve: () => locking }) as any

/**
 * Two other checkouts hold X (100 ms) and Y (200 ms). Then B asks for [Y, X] and A for [X, Y]:
 * when X frees, A takes it and waits for Y; when Y frees, B (queued on Y first) takes it and
 * waits for X. Each holds what the other waits for.
 */
async function race(lock: (keys: string[], job: () => Promise<string>) => Promise<string>, locking: InMemoryLockingProvider) {
  const holdX = locking.execute(["iitem_x"], () => sleep(100), { timeout: 1 })
  const holdY = locking.execute(["iitem_y"], () => sleep(200), { timeout: 1 })
  await sleep(10)
  const b = lock(["iitem_y", "iitem_x"], async () => "B reserved")
  const a = lock(["iitem_x", "iitem_y"], async () => "A reserved")
  const outcomes = await Promise.allSettled([a, b, holdX, holdY])
  return outcomes.slice(0, 2).map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message))
}

describe("inventory-item locks", () => {
  it("take the keys in one order, each once", () => {
    expect(inventoryLockKeys(["iitem_b", "iitem_a", "iitem_b"])).toEqual(["iitem_a", "iitem_b"])
  })

  it("let two checkouts listing the same items in opposite orders both reserve", async () => {
    const locking = new InMemoryLockingProvider()
    const results = await race((keys, job) => withInventoryLocks(containerWith(locking), keys, job, { timeout: 1 }), locking)
    expect(results).toEqual(["A reserved", "B reserved"])
  })

  it("(Medusa's provider on its own, keys as given: the two wait for each other until the timeout)", async () => {
    const locking = new InMemoryLockingProvider()
    const results = await race((keys, job) => locking.execute(keys, job, { timeout: 1 }), locking)
    expect(results).toEqual(["Timed-out acquiring lock.", "Timed-out acquiring lock."])
  })
})

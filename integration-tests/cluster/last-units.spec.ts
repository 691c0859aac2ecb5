// The last units of an item, raced for by shoppers on two HTTP servers at once: Medusa's
// locking provider on Redis is what keeps two processes from reserving the same unit.
import { startTestCluster, TestCluster } from "./harness"
import { completeCart, prepareCart, setStockAsAdmin, skusStockedAt, stockOf, waitForDecisions } from "./shop"

jest.setTimeout(600_000)

const NEWARK = "Newark DC"
const RENO = "Reno Fulfillment Center"
const US_SHOPPERS = ["Boston", "New York", "Philadelphia", "Seattle", "San Francisco", "Los Angeles"]

let cluster: TestCluster

beforeAll(async () => {
  cluster = await startTestCluster({ name: "last-units", servers: 2, workers: 2 })
})

afterAll(async () => {
  await cluster?.stop()
})

describe("the last units on two servers (Redis locking)", () => {
  it("20 concurrent checkouts for the last 5 units: exactly 5 orders, the rest refused, nothing over-reserved", async () => {
    const [sku] = await skusStockedAt(cluster, [NEWARK, RENO], 1)
    // 3 + 2: no single warehouse holds all five, so the checkout's split-aware reservation is raced too.
    await setStockAsAdmin(cluster, sku, { [NEWARK]: 3, [RENO]: 2 })

    // Twenty carts, half on each server, each for one unit, each ready to complete.
    const carts: { cart_id: string; server: number }[] = []
    for (let i = 0; i < 20; i++) {
      carts.push(await prepareCart(cluster, { city: US_SHOPPERS[i % US_SHOPPERS.length], items: { [sku]: 1 }, email: `racer${i}@example.com`, server: i % 2 }))
    }
    const results = await Promise.all(carts.map((cart) => completeCart(cluster, cart)))

    const placed = results.flatMap((r) => (r.ok ? [r.order_id] : []))
    // Each refusal is the checkout's own stock answer, not a lock timeout or a crash.
    const otherRefusals = results
      .flatMap((r) => (r.ok ? [] : [`${r.status} ${r.error}`]))
      .filter((e) => !/^400 .*Not enough stock available/.test(e))
    expect(otherRefusals).toEqual([])
    expect(placed).toHaveLength(5)
    expect(new Set(placed).size).toBe(5)

    const reservedNow = async () => {
      const levels = await stockOf(cluster, sku)
      for (const l of levels) {
        expect(l.reserved).toBeLessThanOrEqual(l.stocked)
        expect(l.reserved).toBe(l.reservations)
      }
      return levels.reduce((sum, l) => sum + l.reservations, 0)
    }
    expect(await reservedNow()).toBe(5)

    // The workers route the five orders (moving reservations under the same locks): still five units, none over.
    const decisions = await waitForDecisions(cluster, placed)
    expect(decisions).toHaveLength(5)
    expect(await reservedNow()).toBe(5)
  })
})

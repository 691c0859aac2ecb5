// Routing on the app as a shop runs it in production: two HTTP servers and two workers on Redis.
// Orders come in through the store API's cart completion; the tests read the decisions and
// reservations from the database and the processes' logs. One cluster for the whole file: each
// boot of four processes costs minutes of the CI budget.
import { startTestCluster, TestCluster } from "./harness"
import {
  completeCart,
  decisionsOf,
  logLines,
  logSize,
  orderedUnits,
  placeOrder,
  prepareCart,
  reservationsOf,
  setStockAsAdmin,
  skusStockedAt,
  stockOf,
  waitFor,
  waitForDecisions,
  waitForLog,
} from "./shop"

jest.setTimeout(600_000)

const EVERYWHERE = ["Newark DC", "Reno Fulfillment Center", "Rotterdam Hub", "Midlands Warehouse"]
const NEWARK = "Newark DC"
const RENO = "Reno Fulfillment Center"
// No Philadelphia: orders there pause on the workers (the SIGKILL test's pause point).
const RACERS = ["Boston", "New York", "Seattle", "San Francisco", "Los Angeles"]

let cluster: TestCluster
let sku: string

beforeAll(async () => {
  cluster = await startTestCluster({
    name: "routing",
    servers: 2,
    workers: 2,
    // Either worker pauses once where routing has moved reservations but not decided, for an
    // order to Philadelphia only (the SIGKILL test's; src/workflows/shared/test-pause.ts).
    workerEnv: { OMS_TEST_PAUSE_AT: "route-order:reserved", OMS_TEST_PAUSE_IF: "to Philadelphia" },
  })
  ;[sku] = await skusStockedAt(cluster, EVERYWHERE, 20)
})

afterAll(async () => {
  await cluster?.stop()
})

/** The order holds exactly what it ordered, once: reserved units per sku equal ordered units. */
async function expectWhollyReservedOnce(orderId: string) {
  const held: Record<string, number> = {}
  for (const r of await reservationsOf(cluster, orderId)) held[r.sku] = (held[r.sku] ?? 0) + r.quantity
  expect(held).toEqual(await orderedUnits(cluster, orderId))
}

/** The inventory module's reserved count agrees with the reservations, and never exceeds stock. */
async function expectStockConsistent(skus: string[]) {
  for (const s of skus) {
    for (const level of await stockOf(cluster, s)) {
      expect({ sku: s, location: level.location_id, reserved: level.reserved }).toEqual({
        sku: s,
        location: level.location_id,
        reserved: level.reservations,
      })
      expect(level.reserved).toBeLessThanOrEqual(level.stocked)
    }
  }
}

describe("routing on a cluster (two servers, two workers, Redis)", () => {
  it("20 concurrent checkouts for the last 5 units over two servers never over-reserve", async () => {
    const [raced] = (await skusStockedAt(cluster, [NEWARK, RENO], 2)).filter((s) => s !== sku)
    // 3 + 2: no single warehouse holds all five, so the split-aware reservation is raced too.
    await setStockAsAdmin(cluster, raced, { [NEWARK]: 3, [RENO]: 2 })
    const carts: { cart_id: string; server: number }[] = []
    for (let i = 0; i < 20; i++) {
      carts.push(await prepareCart(cluster, { city: RACERS[i % RACERS.length], items: { [raced]: 1 }, email: `racer${i}@example.com`, server: i % 2 }))
    }
    const results = await Promise.all(carts.map((cart) => completeCart(cluster, cart)))
    const placed = results.flatMap((r) => (r.ok ? [r.order_id] : []))

    // A refusal is the checkout's stock answer, or Medusa's own 409 when a shopper's wait for
    // the item's lock (held by the other server's checkouts, through Redis) runs out; never a
    // crash, never a sale of a unit that is not there.
    const otherRefusals = results
      .flatMap((r) => (r.ok ? [] : [`${r.status} ${r.error}`]))
      .filter((e) => !/^400 .*Not enough stock available/.test(e) && !/^409 /.test(e))
    expect(otherRefusals).toEqual([])
    expect(placed.length).toBeGreaterThan(0)
    expect(placed.length).toBeLessThanOrEqual(5)
    expect(new Set(placed).size).toBe(placed.length)

    const reservedNow = async () => {
      const levels = await stockOf(cluster, raced)
      for (const l of levels) {
        expect(l.reserved).toBeLessThanOrEqual(l.stocked)
        expect(l.reserved).toBe(l.reservations)
      }
      return levels.reduce((sum, l) => sum + l.reservations, 0)
    }
    // One unit held per order placed: none sold twice, none held for a refused cart.
    expect(await reservedNow()).toBe(placed.length)
    // The workers route the orders (moving reservations under the same locks): still one each.
    const decisions = await waitForDecisions(cluster, placed)
    expect(decisions).toHaveLength(placed.length)
    expect(await reservedNow()).toBe(placed.length)
  })

  it("routes orders placed through cart completion exactly once, on a worker", async () => {
    const from = cluster.workers.map(logSize)
    const serverFrom = cluster.servers.map(logSize)
    const orders: string[] = []
    for (const city of ["Boston", "Seattle", "London"]) orders.push(await placeOrder(cluster, { city, items: { [sku]: 1 } }))

    const decisions = await waitForDecisions(cluster, orders)
    expect(decisions.map((d) => d.order_id).sort()).toEqual([...orders].sort())
    for (const order of orders) await expectWhollyReservedOnce(order)

    // The servers placed the orders but ran no subscriber; the workers ran one order.placed each.
    expect(cluster.servers.flatMap((s, i) => logLines(s, /Processing order\.placed/, serverFrom[i]))).toEqual([])
    const processed = cluster.workers.flatMap((w, i) => logLines(w, /Processing order\.placed/, from[i]))
    expect(processed).toHaveLength(orders.length)
  })

  it("routes an order once when its worker is killed (SIGKILL) in the middle of routing it", async () => {
    const from = cluster.workers.map(logSize)
    const orderId = await placeOrder(cluster, { city: "Philadelphia", items: { [sku]: 2 } })
    const pausePattern = new RegExp(`\\[oms-test-pause\\] route-order:reserved ${orderId}`)
    // Whichever worker took the event pauses there, holding the order's lock.
    const paused = await Promise.any(cluster.workers.map((w, i) => waitForLog(w, pausePattern, { fromOffset: from[i] }).then(() => w)))
    const other = cluster.workers.find((w) => w !== paused)!
    expect(await decisionsOf(cluster, [orderId])).toEqual([])

    await paused.kill("SIGKILL")
    expect((await paused.exited).signal).toBe("SIGKILL")

    // The other worker takes the order over (the stalled event, or the sweep once the dead lock expires).
    const decisions = await waitForDecisions(cluster, [orderId], 300_000)
    expect(decisions).toHaveLength(1)
    expect(decisions[0].status).toBe("routed")
    await expectWhollyReservedOnce(orderId)
    await expectStockConsistent([sku])
    expect(logLines(other, /oms-test-pause/, from[cluster.workers.indexOf(other)])).toEqual([])
  })

  it("decides nothing while no worker runs; after a Redis restart servers answer again and every queued order is routed once", async () => {
    await Promise.all(cluster.workers.map((w) => w.stop()))
    const queued = [
      await placeOrder(cluster, { city: "Boston", items: { [sku]: 1 } }),
      await placeOrder(cluster, { city: "Berlin", items: { [sku]: 2 } }),
      await placeOrder(cluster, { city: "Manchester", items: { [sku]: 1 } }),
    ]
    // Cart completion answered with orders; their routing waits on Redis for a worker.
    expect(await decisionsOf(cluster, queued)).toEqual([])

    await cluster.redis.restart({ downMs: 2000 })
    // The server reconnects on its own: a shopper's checkout goes through again.
    const after = await waitFor(
      async () => placeOrder(cluster, { city: "Seattle", items: { [sku]: 1 } }).catch(() => null),
      "a checkout to succeed after the Redis restart",
      { timeoutMs: 120_000, everyMs: 2000, cluster }
    )
    const orders = [...queued, after]
    const from = cluster.workers.map(logSize)
    await Promise.all(cluster.workers.map((w) => w.restart()))
    const decisions = await waitForDecisions(cluster, orders)
    expect(decisions.map((d) => d.order_id).sort()).toEqual([...orders].sort())
    for (const order of orders) await expectWhollyReservedOnce(order)
    await expectStockConsistent([sku])
    // The events themselves survived the restart (Redis's append-only file) and were processed.
    await waitFor(
      async () => cluster.workers.flatMap((w, i) => logLines(w, /Processing order\.placed/, from[i])).length >= orders.length,
      "the workers to process the four queued order.placed events",
      { timeoutMs: 60_000, cluster }
    )
  })
})

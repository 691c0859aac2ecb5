// Routing on the app as a shop runs it in production: one HTTP server and two workers on Redis.
// Orders come in through the store API's cart completion; the tests read the decisions and
// reservations from the database and the processes' logs.
import { startTestCluster, TestCluster } from "./harness"
import {
  decisionsOf,
  logLines,
  logSize,
  orderedUnits,
  placeOrder,
  reservationsOf,
  skusStockedAt,
  stockOf,
  waitFor,
  waitForDecisions,
  waitForLog,
} from "./shop"

jest.setTimeout(600_000)

const EVERYWHERE = ["Newark DC", "Reno Fulfillment Center", "Rotterdam Hub", "Midlands Warehouse"]

let cluster: TestCluster
let sku: string

beforeAll(async () => {
  cluster = await startTestCluster({
    name: "routing",
    servers: 1,
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

describe("routing on a cluster (one server, two workers, Redis)", () => {
  it("routes orders placed through cart completion exactly once, on a worker", async () => {
    const from = cluster.workers.map(logSize)
    const serverFrom = logSize(cluster.servers[0])
    const orders: string[] = []
    for (const city of ["Boston", "Seattle", "London"]) orders.push(await placeOrder(cluster, { city, items: { [sku]: 1 } }))

    const decisions = await waitForDecisions(cluster, orders)
    expect(decisions.map((d) => d.order_id).sort()).toEqual([...orders].sort())
    for (const order of orders) await expectWhollyReservedOnce(order)

    // The server placed the orders but ran no subscriber; the workers ran one order.placed each.
    expect(logLines(cluster.servers[0], /Processing order\.placed/, serverFrom)).toEqual([])
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

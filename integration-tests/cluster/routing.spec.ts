import { startTestCluster, TestCluster } from "./harness"
import { decisionsOf, logLines, placeOrder, reservationsOf, skusStockedAt, waitForDecisions } from "./shop"

jest.setTimeout(600_000)

let cluster: TestCluster

beforeAll(async () => {
  cluster = await startTestCluster({ name: "routing", servers: 1, workers: 2 })
})

afterAll(async () => {
  await cluster?.stop()
})

describe("routing on a cluster (one server, two workers, Redis)", () => {
  it("routes orders placed through cart completion exactly once, on a worker", async () => {
    const [sku] = await skusStockedAt(cluster, ["Newark DC", "Reno Fulfillment Center", "Rotterdam Hub", "Midlands Warehouse"], 10)
    const orders = []
    for (const city of ["Boston", "Seattle", "London"]) {
      orders.push(await placeOrder(cluster, { city, items: { [sku]: 1 } }))
    }
    const decisions = await waitForDecisions(cluster, orders)
    expect(decisions.map((d) => d.order_id).sort()).toEqual([...orders].sort())
    for (const order of orders) expect((await reservationsOf(cluster, order)).length).toBeGreaterThan(0)
    expect(logLines(cluster.servers[0], /Processing order\.placed/)).toEqual([])
    const onWorkers = cluster.workers.flatMap((w) => logLines(w, /Processing order\.placed/))
    expect(onWorkers.length).toBe(3)
    expect((await decisionsOf(cluster, orders)).length).toBe(3)
  })
})

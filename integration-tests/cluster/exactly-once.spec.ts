import { defaultPolicyDefinition } from "../../src/lib/returns/defaults"
import { startEasyPostFake } from "../fakes/easypost"
import { call, scanThrough } from "../helpers/picking"
import { eventBus, EventBus } from "./event-bus"
import { startTestCluster, TestCluster } from "./harness"
import { decisionsOf, placeOrder, reservationsOf, skusStockedAt, waitFor, waitForDecisions } from "./shop"

jest.setTimeout(900_000)

// One cluster (one server, two workers, Redis) for both groups: events delivered three times,
// and a server killed in the middle of a label purchase (label purchases run in the admin
// request, so on the server that takes it; see docs/scale-out.md).
let cluster: TestCluster
let bus: EventBus
let admin: { headers: Record<string, string> }
let newark: string
let sku: string

beforeAll(async () => {
  cluster = await startTestCluster({ name: "exactly-once", servers: 1, workers: 2 })
  bus = eventBus(cluster)
  admin = await cluster.adminHeaders()
  newark = cluster.store.locations["Newark DC"]
  ;[sku] = await skusStockedAt(cluster, ["Newark DC"], 20)
})

afterAll(async () => {
  await bus?.close()
  await cluster?.stop()
})

const api = () => cluster.api()

/** A Boston order of `units` of one item (Newark ships it), routed, alone in a new wave at Newark, picked and packed: its fulfillment. */
async function packedOrder(
  opts: { units?: number; afterPlaced?: (orderId: string) => Promise<void>; afterPacked?: (orderId: string, fulfillmentId: string) => Promise<void> } = {}
) {
  const orderId = await placeOrder(cluster, { city: "Boston", items: { [sku]: opts.units ?? 1 } })
  await opts.afterPlaced?.(orderId)
  await waitForDecisions(cluster, [orderId])
  await bus.settle()
  const { data } = await api().post("/admin/oms/waves", { stock_location_id: newark }, admin)
  const wave = data.wave
  await api().post(`/admin/oms/waves/${wave.id}/start`, {}, admin)
  await scanThrough(api(), admin, wave.id)
  const packed = await api().post(`/admin/oms/waves/${wave.id}/orders/${orderId}/pack`, {}, admin)
  const fulfillmentId = packed.data.pack.fulfillment_id as string
  await opts.afterPacked?.(orderId, fulfillmentId)
  return { orderId, wave, fulfillmentId }
}

const labelsOf = (orderId: string) =>
  cluster.sql<{ id: string; status: string; tracking_numbers: string[]; fulfillment_id: string }>(
    "select id, status, tracking_numbers, fulfillment_id from oms_label where order_id = $1 and deleted_at is null order by created_at",
    [orderId]
  )

describe("each event delivered three times (re-published on Medusa's Redis event bus)", () => {
  it("still gives one decision, one wave entry, one fulfillment, one label and one refund", async () => {
    // order.placed, three times in all, while the first is on its way to a worker. Two units, so
    // that after one is refunded the payment still has room for a wrong second refund.
    const { orderId, wave, fulfillmentId } = await packedOrder({
      units: 2,
      afterPlaced: (id) => bus.republish("order.placed", { id }),
      afterPacked: (id, fid) => bus.republish("order.fulfillment_created", { order_id: id, fulfillment_id: fid, no_notification: false }),
    })
    const decisions = await decisionsOf(cluster, [orderId])
    expect(decisions.map((d) => [d.status, d.location_ids])).toEqual([["routed", [newark]]])
    const history = (await cluster.sql<{ history: any }>("select history from oms_routing_decision where order_id = $1", [orderId]))[0].history
    expect(history.entries.filter((e: any) => e.action === "routed")).toHaveLength(1)

    // One order confirmation for the three order.placed: the sent-message ledger claims its row
    // before the notification module is asked.
    await bus.settle()
    const confirmations = await cluster.sql<{ status: string }>(
      "select status from oms_sent_message where order_id = $1 and kind = 'order.confirmed' and deleted_at is null",
      [orderId]
    )
    expect(confirmations.map((c) => c.status)).toEqual(["sent"])
    const notified = await cluster.sql<{ n: number }>(
      "select count(*)::int as n from notification where resource_id = $1 and trigger_type = 'order.placed'",
      [orderId]
    )
    expect(notified[0].n).toBe(1)

    // One wave entry: the order's two units are on the wave once, and nothing is left for another wave.
    expect(wave.orders.map((o: any) => o.order_id)).toEqual([orderId])
    const lines = await cluster.sql<{ quantity: number }>(
      "select quantity::int as quantity from oms_wave_line where order_id = $1 and deleted_at is null",
      [orderId]
    )
    expect(lines.map((l) => l.quantity)).toEqual([2])
    const again = await call(api().post("/admin/oms/waves", { stock_location_id: newark }, admin))
    expect(again.status).toBe(409)

    // One fulfillment, settled once; no reservation left behind or doubled.
    await bus.settle()
    const fulfillments = await cluster.sql<{ id: string }>(
      `select f.id from fulfillment f join order_fulfillment of on of.fulfillment_id = f.id and of.deleted_at is null
        where of.order_id = $1 and f.deleted_at is null and f.canceled_at is null`,
      [orderId]
    )
    expect(fulfillments.map((f) => f.id)).toEqual([fulfillmentId])
    expect(await reservationsOf(cluster, orderId)).toEqual([])
    const [settled] = await cluster.sql<{ fulfilled_at: Date | null }>("select fulfilled_at from oms_routing_decision where order_id = $1", [orderId])
    expect(settled.fulfilled_at).not.toBeNull()

    // One label, its purchased event delivered three times.
    const { data: acct } = await api().post(
      "/admin/oms/carrier-accounts",
      { carrier: "offline", name: "Offline (duplicates)", settings: { account_id: `cluster-duplicates-${Date.now()}` } },
      admin
    )
    const body = { fulfillment_id: fulfillmentId, carrier_account_id: acct.carrier_account.id, service_code: "offline_economy" }
    const { data: bought } = await api().post(`/admin/oms/orders/${orderId}/labels`, body, admin)
    await bus.republish("oms.label.purchased", { id: bought.label.id, order_id: orderId, fulfillment_id: fulfillmentId })
    const twice = await api().post(`/admin/oms/orders/${orderId}/labels`, body, admin)
    expect(twice.data.label.id).toBe(bought.label.id)
    await bus.settle()
    expect((await labelsOf(orderId)).map((l) => [l.id, l.status])).toEqual([[bought.label.id, "purchased"]])

    // The returns flow: paid, shipped and delivered; one of the two units back, inspected as new -> a refund.
    const fields = "id,*items,*payment_collections,*payment_collections.payments"
    const order = (await api().get(`/admin/orders/${orderId}?fields=${fields}`, admin)).data.order
    const paymentId = order.payment_collections[0].payments[0].id
    await api().post(`/admin/payments/${paymentId}/capture`, {}, admin)
    const items = order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
    await call(api().post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, { items }, admin))
    await call(api().post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin))
    await returnSetupAtNewark()

    const requested = await call(
      api().post(
        `/admin/oms/orders/${orderId}/returns`,
        { items: [{ line_item_id: order.items[0].id, quantity: 1 }], method: "drop_off", resolution: "refund" },
        admin
      )
    )
    expect([requested.status, requested.data.message]).toEqual([200, undefined])
    const caseId = requested.data.return.id as string
    await api().post(`/admin/oms/returns/${caseId}/receive`, {}, admin)
    const lineId = (await api().get(`/admin/oms/returns/${caseId}`, admin)).data.return.lines[0].id
    const inspected = await api().post(
      `/admin/oms/returns/${caseId}/inspect`,
      { entries: [{ return_line_id: lineId, grade: "new", quantity: 1 }] },
      admin
    )
    await bus.republish("oms.return.inspected", { id: caseId, order_id: orderId, return_id: inspected.data.return.return_id })
    const resolved = await waitFor(
      async () => {
        const row = (await api().get(`/admin/oms/returns/${caseId}`, admin)).data.return
        return row.resolution_status === "done" || row.resolution_status === "failed" ? row : null
      },
      `return ${caseId} to be resolved`,
      { cluster, timeoutMs: 120_000 }
    )
    expect([resolved.resolution_status, resolved.resolution_error]).toEqual(["done", null])
    await bus.settle()
    // The redeliveries changed nothing: the case is still resolved, paid once.
    const after = (await api().get(`/admin/oms/returns/${caseId}`, admin)).data.return
    expect([after.status, after.resolution_status, after.resolution_error]).toEqual(["resolved", "done", null])
    const refunds = await cluster.sql<{ amount: number }>(
      "select amount::float as amount from refund where payment_id = $1 and deleted_at is null",
      [paymentId]
    )
    expect(refunds).toHaveLength(1)
    expect(Number(refunds[0].amount)).toBe(Number(resolved.expected_refund))
  })
})

describe("a server killed with SIGKILL in the middle of a label purchase", () => {
  it("after the restart the label is bought once (reconciled from the carrier), nothing is left half-written", async () => {
    const fake = await startEasyPostFake()
    try {
      const { orderId, fulfillmentId } = await packedOrder()
      const { data: acct } = await api().post(
        "/admin/oms/carrier-accounts",
        { carrier: "easypost", name: "EasyPost (fake)", base_url: fake.url, secrets: { api_key: fake.api_key } },
        admin
      )
      const body = { fulfillment_id: fulfillmentId, carrier_account_id: acct.carrier_account.id, service_code: "GroundAdvantage" }
      // The carrier sells the label and holds its answer: the server is mid-purchase for as long as we like.
      fake.knobs.knob_paths = /\/buy$/
      fake.knobs.hold_after_handling_next = 1
      const server = cluster.servers[0]
      const first = call(api().post(`/admin/oms/orders/${orderId}/labels`, body, admin))
      await waitFor(async () => fake.requests.some((r) => r.status === "held"), "the buy request to reach the carrier", { cluster })
      expect(fake.purchases).toHaveLength(1)
      // The ledger row was written before the carrier was called; the answer never arrives.
      expect((await labelsOf(orderId)).map((l) => l.status)).toEqual(["pending"])
      await server.kill("SIGKILL")
      await first
      await server.restart()

      // Asked again: the interrupted purchase is looked up at the carrier by its reference and
      // recorded, never bought a second time. Until the killed process's order lock has expired
      // and its pending row is old enough to count as interrupted (2 minutes), the answer is a
      // refusal to retry later.
      const answers: string[] = []
      const settled = await waitFor(
        async () => {
          const res = await call(api().post(`/admin/oms/orders/${orderId}/labels`, body, admin))
          answers.push(`${res?.status}: ${res?.data?.message ?? ""}`)
          return res?.status === 200 ? res : null
        },
        "the label purchase to settle after the restart",
        { cluster, timeoutMs: 360_000, everyMs: 5_000 }
      ).catch((e) => {
        throw new Error(`${e.message}\nanswers after the restart:\n${answers.join("\n")}`)
      })
      expect(settled.status).toBe(200)
      expect(fake.purchases).toHaveLength(1)
      expect(fake.requests.filter((r) => r.path.endsWith("/buy"))).toHaveLength(1)
      const labels = await labelsOf(orderId)
      expect(labels.map((l) => [l.status, l.fulfillment_id, l.tracking_numbers])).toEqual([
        ["purchased", fulfillmentId, [fake.purchases[0].tracking_code]],
      ])
      expect(settled.data.label.id).toBe(labels[0].id)
    } finally {
      await fake.close()
    }
  })
})

/** A free drop-off return option at Newark and a store-wide return policy, as an admin sets them up. */
async function returnSetupAtNewark() {
  const [zone] = await cluster.sql<{ id: string }>(
    "select id from service_zone where name = 'Newark DC delivery area' and deleted_at is null"
  )
  const [profile] = await cluster.sql<{ id: string }>("select id from shipping_profile where deleted_at is null order by created_at limit 1")
  await api().post(
    "/admin/shipping-options",
    {
      name: "Return to Newark DC",
      price_type: "flat",
      provider_id: "manual_manual",
      service_zone_id: zone.id,
      shipping_profile_id: profile.id,
      type: { label: "Return", description: "Return parcel", code: "return" },
      prices: [
        { currency_code: "usd", amount: 0 },
        { currency_code: "eur", amount: 0 },
        { currency_code: "gbp", amount: 0 },
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" },
        { attribute: "is_return", value: "true", operator: "eq" },
      ],
    },
    admin
  )
  await api().post(
    "/admin/oms/return-policies",
    { name: "Store policy", active: true, priority: 10, market: null, definition: defaultPolicyDefinition() },
    admin
  )
}

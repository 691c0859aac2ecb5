import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { playOfflineTracking } from "../../src/providers/carrier/adapters/offline"
import { signOfflineWebhook, OFFLINE_SIGNATURE_HEADER, OFFLINE_TIMESTAMP_HEADER } from "../../src/providers/carrier/adapters/offline/webhook"
import { toPurchasedLabel } from "../../src/modules/shipping/ledger/purchase"
import { adminHeaders } from "../helpers/admin"
import { placeRoutedOrder } from "../helpers/orders"
import { pollTracking } from "../../src/workflows/shipping/utils/poll-tracking"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

const WEBHOOK_SECRET = "whsec_offline_test_9f3a"

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })
    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    const shipping = () => getContainer().resolve("oms_shipping") as any

    /** An order fulfilled at Newark with an offline label bought through the ledger for its fulfillment. */
    async function labelledOrder(options: { webhooks?: boolean } = {}) {
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 })
      const { data } = await api.get(`/admin/orders/${order_id}?fields=*items`, admin)
      const item = data.order.items[0]
      const { data: fulfilled } = await api.post(
        `/admin/orders/${order_id}/fulfillments?fields=*fulfillments`,
        { location_id: store.locations.newark, items: [{ id: item.id, quantity: 1 }] },
        admin
      )
      const fulfillment_id = fulfilled.order.fulfillments.at(-1).id
      const account = await shipping().createCarrierAccount({
        carrier: "offline",
        name: "Offline",
        settings: { account_id: `acct-${order_id}` },
        secrets: {},
        webhook_secret: options.webhooks === false ? null : WEBHOOK_SECRET,
      })
      const label = await shipping().purchase({
        idempotency_key: `test:${fulfillment_id}`,
        order_id,
        fulfillment_id,
        location_id: store.locations.newark,
        carrier_account_id: account.id,
        shipment: {
          from: { name: "Newark DC", line1: "1 Dock St", city: "Newark", postal_code: "07102", province: "NJ", country_code: "US" },
          to: { name: "Shopper", line1: "2 Main St", city: "Boston", postal_code: "02108", province: "MA", country_code: "US" },
          parcels: [{ weight_g: 400, length_cm: 30, width_cm: 20, height_cm: 5 }],
        },
        service_code: "offline_economy",
      })
      return { order_id, fulfillment_id, account, label }
    }

    async function fulfillment(id: string) {
      const [f] = await getContainer().resolve(Modules.FULFILLMENT).listFulfillments({ id }, { relations: ["labels"] })
      return f
    }

    /** A delivery the offline carrier signs, as it would post it. */
    async function signedDelivery(label: any, account: any, status: "in_transit" | "delivered", at?: Date) {
      const config = await shipping().accountConfig(account.id)
      return playOfflineTracking({ ...config, secrets: { ...config.secrets, webhook_secret: WEBHOOK_SECRET } }, toPurchasedLabel(label), status, { at })
    }

    const post = (delivery: { headers: any; raw_body: Buffer }, headers: Record<string, string> = {}) =>
      api
        .post("/hooks/oms/carriers/offline", delivery.raw_body, {
          headers: { ...delivery.headers, ...headers },
          transformRequest: [(d: unknown) => d],
        })
        .catch((e: any) => e.response)

    async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
      const end = Date.now() + ms
      for (;;) {
        const v = await read()
        if (ok(v) || Date.now() > end) return v
        await new Promise((r) => setTimeout(r, 200))
      }
    }

    it("marks the fulfillment shipped, keeping its labels, when the parcel moves", async () => {
      const { fulfillment_id, account, label } = await labelledOrder()
      const before = await fulfillment(fulfillment_id)
      const res = await post(await signedDelivery(label, account, "in_transit"))
      expect([res.status, res.data]).toEqual([200, { received: true, duplicate: false }])
      const shipped = await until(() => fulfillment(fulfillment_id), (f) => !!f.shipped_at)
      expect(shipped.shipped_at).toBeTruthy()
      expect(shipped.delivered_at).toBeNull()
      expect(shipped.labels.map((l: any) => l.tracking_number).sort()).toEqual(before.labels.map((l: any) => l.tracking_number).sort())

      const { data } = await api.get(`/admin/oms/labels/${label.id}/tracking`, admin)
      expect(data.tracking).toMatchObject({ label_id: label.id, status: "in_transit", delivered_at: null })
      // The carrier's first step is the label's creation, then the parcel's pickup.
      expect(data.tracking.steps.map((s: any) => s.status)).toEqual(["pre_transit", "in_transit"])
    })

    it("marks 'delivered' once when the carrier delivers it twice, even at the same moment", async () => {
      const { order_id, fulfillment_id, account, label } = await labelledOrder()
      const delivered: string[] = []
      const bus = getContainer().resolve(Modules.EVENT_BUS) as any
      const listener = (e: any) => e?.data?.id === order_id && delivered.push(e.data.fulfillment_id)
      bus.eventEmitter_.on("oms.parcel.delivered", listener)
      try {
        const delivery = await signedDelivery(label, account, "delivered")
        const answers = await Promise.all([post(delivery), post(delivery)])
        expect(answers.map((a) => a.status)).toEqual([200, 200])
        expect(answers.map((a) => a.data.duplicate).sort()).toEqual([false, true])
        // A second, different delivery of the same step (a new event id) changes nothing either.
        const again = await signedDelivery(label, account, "delivered")
        await post({ ...again, raw_body: again.raw_body })
        const f = await until(() => fulfillment(fulfillment_id), (f) => !!f.delivered_at)
        expect(f.delivered_at).toBeTruthy()
        expect(f.shipped_at).toBeTruthy()
        await until(async () => delivered.length, (n) => n > 0)
        await new Promise((r) => setTimeout(r, 1500))
        expect(delivered).toEqual([fulfillment_id])
        const events = await shipping().listTrackingEvents({ label_id: label.id, status: "delivered" })
        expect(events).toHaveLength(1)
      } finally {
        bus.eventEmitter_.removeListener("oms.parcel.delivered", listener)
      }
    })

    it("refuses a forged, altered or stale webhook and changes nothing", async () => {
      const { fulfillment_id, account, label } = await labelledOrder()
      const delivery = await signedDelivery(label, account, "delivered")

      const forged = await post(delivery, { [OFFLINE_SIGNATURE_HEADER]: signOfflineWebhook("not-the-secret", Number(delivery.headers[OFFLINE_TIMESTAMP_HEADER]), delivery.raw_body) })
      const altered = await post({ ...delivery, raw_body: Buffer.from(delivery.raw_body.toString().replace('"delivered"', '"returned"')) })
      const staleAt = new Date(Date.now() - 10 * 60_000)
      const stale = await post(await signedDelivery(label, account, "delivered", staleAt))
      const unsigned = await post({ headers: { "content-type": "application/json" }, raw_body: delivery.raw_body })

      for (const res of [forged, altered, stale, unsigned]) {
        expect(res.status).toBe(401)
        expect(res.data.message).toMatch(/^Offline carrier webhook refused: /)
        expect(JSON.stringify(res.data)).not.toContain(WEBHOOK_SECRET)
      }
      expect(await shipping().listCarrierWebhooks({ carrier_account_id: account.id })).toEqual([])
      expect(await shipping().listTrackingEvents({ label_id: label.id })).toEqual([])
      const f = await fulfillment(fulfillment_id)
      expect([f.shipped_at, f.delivered_at]).toEqual([null, null])
    })

    it("answers 404 for a carrier it does not know, naming the ones it does", async () => {
      const res = await post({ headers: { "content-type": "application/json" }, raw_body: Buffer.from("{}") }).then(() =>
        api.post("/hooks/oms/carriers/fedex", {}).catch((e: any) => e.response)
      )
      expect(res.status).toBe(404)
      expect(res.data.message).toBe('No carrier "fedex"; carriers: offline, easypost, shippo, shipstation, sendcloud')
    })

    it("plays the offline carrier's journey from the admin up to 'delivered'", async () => {
      const { fulfillment_id, label } = await labelledOrder()
      for (const status of ["in_transit", "out_for_delivery", "delivered"]) {
        const { data } = await api.post(`/admin/oms/labels/${label.id}/tracking/play`, { status }, admin)
        expect(data.tracking.status).toBe(status)
      }
      const { data } = await api.get(`/admin/oms/labels/${label.id}/tracking`, admin)
      expect(data.tracking.steps.map((s: any) => s.status)).toEqual(["pre_transit", "in_transit", "out_for_delivery", "delivered"])
      expect(data.tracking.delivered_at).toBeTruthy()
      expect((await fulfillment(fulfillment_id)).delivered_at).toBeTruthy()

      const bad = await api.post(`/admin/oms/labels/${label.id}/tracking/play`, { status: "lost" }, admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/status/)
    })

    it("polls the carrier for labels of an account without webhooks", async () => {
      const { fulfillment_id, account, label } = await labelledOrder({ webhooks: false })
      // The parcel moves at the carrier; no webhook can tell us (the account has no secret).
      await signedDelivery(label, account, "in_transit")
      const first = await pollTracking(getContainer())
      expect(first).toMatchObject({ failed: 0 })
      expect(first.updated).toBeGreaterThanOrEqual(1)
      expect((await fulfillment(fulfillment_id)).shipped_at).toBeTruthy()
      const second = await pollTracking(getContainer())
      expect(second.updated).toBe(0)
      // Without a webhook secret the offline carrier cannot sign, so the admin cannot play its steps.
      const play = await api.post(`/admin/oms/labels/${label.id}/tracking/play`, { status: "delivered" }, admin).catch((e: any) => e.response)
      expect([play.status, play.data.message]).toEqual([409, "Carrier account Offline has no webhook secret, so it cannot sign tracking events"])
    })
  },
})

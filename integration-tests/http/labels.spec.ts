import { createShippingOptionsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { seedDemoCarrier } from "../../scripts/seed/demo-carrier"
import type { CarrierAccountConfig, CarrierAdapter } from "../../src/lib/shipping/contract"
import { CarrierError } from "../../src/lib/shipping/errors"
import { createAdapter } from "../../src/providers/carrier/adapters"
import { offlinePurchases } from "../../src/providers/carrier/adapters/offline"
import { SHIPPING_MODULE } from "../../src/modules/shipping"
import type ShippingModuleService from "../../src/modules/shipping/service"
import { reconcileLabelsWorkflow } from "../../src/workflows/shipping"
import { adminHeaders } from "../helpers/admin"
import { startEasyPostFake } from "../fakes/easypost"
import { call, placeRoutedOrder, scanThrough } from "../helpers/picking"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

const API_KEY = "OFFLINE-KEY-never-shown-7f3a9c"
const WEBHOOK_SECRET = "whsec-never-shown-1b2d4e"

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let run = 0

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    const shipping = () => getContainer().resolve<ShippingModuleService>(SHIPPING_MODULE)

    afterEach(() => {
      // Each test that replaces the adapters puts Medusa's process back as it found it.
      shipping().adapterFactory = (config) => createAdapter(config)
    })

    /**
     * An offline carrier account (its own purchase book) and a calculated shipping option of the
     * carrier provider at Newark, falling back to 9.00 when the carrier cannot quote.
     */
    async function carrierAtNewark(
      accountBody: Record<string, unknown> = {
        carrier: "offline",
        settings: { account_id: `labels-spec-${run + 1}-${Date.now()}`, currency_code: "USD" },
        services: [{ code: "offline_standard", name: "Standard" }],
        secrets: { api_key: API_KEY },
        webhook_secret: WEBHOOK_SECRET,
      },
      serviceCode = "offline_standard"
    ) {
      run += 1
      const created = await api.post("/admin/oms/carrier-accounts", { name: `Carrier account ${run}`, ...accountBody }, admin)
      const account = created.data.carrier_account
      const container = getContainer()
      const link = container.resolve(ContainerRegistrationKeys.LINK)
      await link
        .create({
          [Modules.STOCK_LOCATION]: { stock_location_id: store.locations.newark },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: "carrier_oms" },
        })
        .catch(() => undefined) // linked by an earlier test of this file
      const fulfillment = container.resolve(Modules.FULFILLMENT)
      const [zone] = await fulfillment.listServiceZones({ name: "Newark DC delivery area" })
      const { result } = await createShippingOptionsWorkflow(container).run({
        input: [
          {
            name: `Carrier ${run} from Newark DC`,
            price_type: "calculated",
            provider_id: "carrier_oms",
            service_zone_id: zone.id,
            shipping_profile_id: store.shipping_profile_id,
            type: { label: "Carrier", description: "Offline carrier", code: `carrier-${run}` },
            data: { id: `${account.id}:${serviceCode}`, account_id: account.id, service_code: serviceCode, fallback_amount: 9 },
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" },
              { attribute: "is_return", value: "false", operator: "eq" },
            ],
          } as any,
        ],
      })
      const config: CarrierAccountConfig = await shipping().accountConfig(account.id)
      return { account, option: result[0], config, name: `Carrier ${run}` }
    }

    /** A Boston order (routed to Newark) shipped with the carrier option, picked in a wave of its own. */
    async function pickedOrder(optionName: string) {
      const waiting = (await api.post("/admin/oms/waves/preview", { stock_location_id: store.locations.newark }, admin)).data
      if (waiting.orders) await api.post("/admin/oms/waves", { stock_location_id: store.locations.newark }, admin)
      const order = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 }, optionName)
      const wave = (await api.post("/admin/oms/waves", { stock_location_id: store.locations.newark }, admin)).data.wave
      expect(wave.orders.map((o: any) => o.order_id)).toEqual([order.order_id])
      await api.post(`/admin/oms/waves/${wave.id}/start`, {}, admin)
      await scanThrough(api, admin, wave.id)
      return { order_id: order.order_id, wave_id: wave.id as string }
    }

    const pack = (waveId: string, orderId: string) => call(api.post(`/admin/oms/waves/${waveId}/orders/${orderId}/pack`, {}, admin))
    const labelsOf = async (orderId: string) => (await api.get(`/admin/oms/orders/${orderId}/labels`, admin)).data.labels
    const fulfillmentsOf = async (orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=*fulfillments,*fulfillments.labels,*fulfillments.items`, admin)).data.order.fulfillments

    /** The offline carrier's adapter, except that a purchase's answer is lost after the carrier made it. */
    function answersLost(options: { lookupFailsToo?: boolean } = {}) {
      const state = { lookups_failing: !!options.lookupFailsToo }
      shipping().adapterFactory = (config) => {
        const real = createAdapter(config)
        const lost = () =>
          new CarrierError({
            carrier: "offline",
            kind: "network",
            message: "the connection closed before the answer arrived",
            status: null,
            outcome_unknown: true,
          })
        return {
          ...real,
          rates: (s) => real.rates(s),
          buy: async (request) => {
            await real.buy(request) // the carrier bought it ...
            throw lost() // ... and we never heard
          },
          lookup: async (reference, hint) => {
            if (state.lookups_failing) throw lost()
            return real.lookup(reference, hint)
          },
        } as CarrierAdapter
      }
      return state
    }

    describe("packing buys the label", () => {
      it("packs an order asked three times at once into one fulfillment with exactly one label", async () => {
        const { config, name } = await carrierAtNewark()
        const { order_id, wave_id } = await pickedOrder(name)

        const answers = await Promise.all([pack(wave_id, order_id), pack(wave_id, order_id), pack(wave_id, order_id)])
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
        expect(answers.filter((a) => a.data.created)).toHaveLength(1)
        expect(new Set(answers.map((a) => a.data.pack.fulfillment_id)).size).toBe(1)

        // One purchase at the carrier, one ledger row, one label on Medusa's fulfillment.
        const bought = offlinePurchases(config)
        expect(bought).toHaveLength(1)
        expect(bought[0].buy_requests).toBe(1)
        const labels = await labelsOf(order_id)
        expect(labels).toHaveLength(1)
        expect(labels[0]).toMatchObject({
          status: "purchased",
          kind: "outbound",
          fulfillment_id: answers[0].data.pack.fulfillment_id,
          service_code: "offline_standard",
          rate_decision: expect.stringMatching(/^Offline Standard as the shipping option names it/),
          tracking_numbers: [bought[0].label.parcels[0].tracking_number],
        })
        // Written before the carrier was called: the carrier saw the ledger's reference.
        expect(bought[0].reference).toBe(labels[0].reference)
        const [fulfillment] = await fulfillmentsOf(order_id)
        expect(fulfillment.labels.map((l: any) => l.tracking_number)).toEqual(labels[0].tracking_numbers)

        // The label file is the carrier's PDF, served by the URL Medusa's label points at.
        const file = await api.get(fulfillment.labels[0].label_url, { ...admin, responseType: "arraybuffer" })
        expect(file.headers["content-type"]).toMatch(/application\/pdf/)
        expect(Buffer.from(file.data).subarray(0, 4).toString()).toBe("%PDF")
      })

      it("resolves a purchase whose answer was lost by looking it up, and never buys it twice", async () => {
        const { config, name } = await carrierAtNewark()
        const { order_id, wave_id } = await pickedOrder(name)
        const carrier = answersLost({ lookupFailsToo: true })

        // The answer is lost and the carrier cannot be asked either: the pack fails, Medusa
        // deletes the fulfillment it had inserted, and the ledger keeps the purchase as unknown.
        const first = await pack(wave_id, order_id)
        expect(first.status).toBe(409)
        expect(first.data.message).toMatch(/unknown outcome at Offline carrier .* never bought again/)
        expect(await fulfillmentsOf(order_id)).toEqual([])
        expect((await labelsOf(order_id)).map((l: any) => l.status)).toEqual(["unknown"])
        expect(offlinePurchases(config)).toHaveLength(1)

        // Packing again once the carrier answers: the lookup finds the label, it moves to the
        // new fulfillment, and the carrier was asked to buy once in all.
        carrier.lookups_failing = false
        const second = await pack(wave_id, order_id)
        expect(second.status).toBe(200)
        const labels = await labelsOf(order_id)
        expect(labels).toHaveLength(1)
        expect(labels[0]).toMatchObject({ status: "purchased", fulfillment_id: second.data.pack.fulfillment_id, failure_message: null })
        expect(offlinePurchases(config).map((p) => p.buy_requests)).toEqual([1])
        const [fulfillment] = await fulfillmentsOf(order_id)
        expect(fulfillment.labels.map((l: any) => l.tracking_number)).toEqual(labels[0].tracking_numbers)
      })

      it("over HTTP at EasyPost's fake: the connection drops after the sale, the lookup finds it, EasyPost sold one label", async () => {
        const fake = await startEasyPostFake()
        try {
          const { name } = await carrierAtNewark(
            { carrier: "easypost", base_url: fake.url, secrets: { api_key: fake.api_key } },
            "GroundAdvantage"
          )
          const { order_id, wave_id } = await pickedOrder(name)
          fake.knobs.knob_paths = /\/buy$/
          fake.knobs.drop_after_handling_next = 1
          const packed = await pack(wave_id, order_id)
          expect(packed.status).toBe(200)
          // The one buy request was answered with a dropped connection; nothing was bought again.
          expect(fake.requests.filter((r) => r.path.endsWith("/buy")).map((r) => r.status)).toEqual(["dropped"])
          expect(fake.purchases).toHaveLength(1)
          const [label] = await labelsOf(order_id)
          expect(label).toMatchObject({ status: "purchased", carrier: "easypost", service_code: "GroundAdvantage" })
          expect(label.tracking_numbers).toEqual([fake.purchases[0].tracking_code])
          expect(label.carrier_label_id).toBe(fake.purchases[0].shipment_id)
        } finally {
          await fake.close()
        }
      })

      it("settles a lost answer at once when the carrier can be asked: the pack succeeds with the one label", async () => {
        const { config, name } = await carrierAtNewark()
        const { order_id, wave_id } = await pickedOrder(name)
        answersLost()
        const packed = await pack(wave_id, order_id)
        expect(packed.status).toBe(200)
        expect((await labelsOf(order_id)).map((l: any) => l.status)).toEqual(["purchased"])
        expect(offlinePurchases(config).map((p) => p.buy_requests)).toEqual([1])
      })
    })

    describe("the ledger on its own", () => {
      it("buys once when three callers without any lock ask for the same purchase at the same moment", async () => {
        const { account, config } = await carrierAtNewark()
        const address = (city: string, postal_code: string, line1: string) => ({
          name: city, line1, city, postal_code, country_code: "US",
        })
        const ask = () =>
          shipping().purchase({
            idempotency_key: `test:${account.id}`,
            order_id: null,
            carrier_account_id: account.id,
            service_code: "offline_economy",
            shipment: {
              from: address("Newark", "07105", "900 Raymond Blvd"),
              to: address("Boston", "02110", "1 Federal St"),
              parcels: [{ weight_g: 800, length_cm: 30, width_cm: 20, height_cm: 10 }],
            },
          })
        const rows = await Promise.all([ask(), ask(), ask()])
        expect(new Set(rows.map((r) => r.id)).size).toBe(1)
        expect(rows.map((r) => r.status)).toEqual(["purchased", "purchased", "purchased"])
        expect(offlinePurchases(config).map((p) => p.buy_requests)).toEqual([1])
        // The partial unique index: one live row for the key, however the race went.
        const all = await shipping().listLabels({ idempotency_key: `test:${account.id}` })
        expect(all.map((r: any) => r.status)).toEqual(["purchased"])
      })
    })

    describe("the demo store's carrier", () => {
      it("rate-shops the offline services at checkout and packs with the cheapest, saying why", async () => {
        expect(await seedDemoCarrier(getContainer(), store)).toEqual({ created: true })
        expect(await seedDemoCarrier(getContainer(), store)).toEqual({ created: false })
        const { order_id, wave_id } = await pickedOrder("Carrier from Newark DC")
        const [method] = (await api.get(`/admin/orders/${order_id}?fields=*shipping_methods`, admin)).data.order.shipping_methods
        expect(method.data).toMatchObject({ price_source: "carrier", service_code: null })

        expect((await pack(wave_id, order_id)).status).toBe(200)
        const [label] = await labelsOf(order_id)
        expect(label).toMatchObject({ status: "purchased", service_code: "offline_economy", amount: method.amount })
        expect(label.rate_decision).toMatch(/^Offline Economy won: cheapest of 3/)
      })
    })

    describe("the ledger's housekeeping", () => {
      it("reconciles an unknown purchase whose fulfillment Medusa deleted, and voids the orphan at the carrier", async () => {
        const { config, name } = await carrierAtNewark()
        const { order_id, wave_id } = await pickedOrder(name)
        answersLost({ lookupFailsToo: true })
        expect((await pack(wave_id, order_id)).status).toBe(409)
        shipping().adapterFactory = (c) => createAdapter(c) // the carrier answers again

        const { result } = await reconcileLabelsWorkflow(getContainer()).run({
          input: { orphan_after_ms: 0, unknown_after_ms: 0 },
        })
        const [label] = await labelsOf(order_id)
        expect(result.resolved).toEqual([{ id: label.id, status: "purchased" }])
        expect(result.voided).toEqual([{ id: label.id, status: "voided" }])
        expect(label.status).toBe("voided")
        expect(offlinePurchases(config).map((p) => p.voided)).toEqual([true])

        // Nothing left to do on the next run.
        const again = await reconcileLabelsWorkflow(getContainer()).run({ input: { orphan_after_ms: 0, unknown_after_ms: 0 } })
        expect(again.result).toEqual({ resolved: [], voided: [], problems: [] })
      })

      it("settles a purchase left pending by a process that died mid-call: looked up, never bought twice", async () => {
        const { account, config } = await carrierAtNewark()
        let carrierBought!: () => void
        const bought = new Promise<void>((resolve) => (carrierBought = resolve))
        shipping().adapterFactory = (c) => {
          const real = createAdapter(c)
          return {
            ...real,
            buy: async (request) => {
              await real.buy(request) // the carrier bought it, and the process died before hearing back
              carrierBought()
              return new Promise(() => undefined)
            },
          } as CarrierAdapter
        }
        const key = `test:died-${account.id}`
        const at = (city: string, postal_code: string, line1: string) => ({ name: city, line1, city, postal_code, country_code: "US" })
        void shipping().purchase({
          idempotency_key: key,
          order_id: null,
          carrier_account_id: account.id,
          service_code: "offline_standard",
          shipment: {
            from: at("Newark", "07105", "900 Raymond Blvd"),
            to: at("Boston", "02110", "1 Federal St"),
            parcels: [{ weight_g: 800, length_cm: 30, width_cm: 20, height_cm: 10 }],
          },
        })
        await bought
        shipping().adapterFactory = (c) => createAdapter(c)
        const [row] = await shipping().listLabels({ idempotency_key: key })
        expect(row.status).toBe("pending")

        // Young: the purchase may still be under way, so it is left alone.
        const early = await reconcileLabelsWorkflow(getContainer()).run({ input: { unknown_after_ms: 0 } })
        expect(early.result.resolved).toEqual([])
        expect((await shipping().listLabels({ idempotency_key: key }))[0].status).toBe("pending")

        // Old: interrupted, so unknown, and settled by asking the carrier (never by buying).
        const { result } = await reconcileLabelsWorkflow(getContainer()).run({ input: { stale_pending_after_ms: 0, unknown_after_ms: 0 } })
        expect(result.resolved).toEqual([{ id: row.id, status: "purchased" }])
        expect((await shipping().listLabels({ idempotency_key: key })).map((r: any) => r.status)).toEqual(["purchased"])
        expect(offlinePurchases(config).map((p) => p.buy_requests)).toEqual([1])
      })

      it("leaves a label alone while its fulfillment exists", async () => {
        const { config, name } = await carrierAtNewark()
        const { order_id, wave_id } = await pickedOrder(name)
        expect((await pack(wave_id, order_id)).status).toBe(200)
        const { result } = await reconcileLabelsWorkflow(getContainer()).run({ input: { orphan_after_ms: 0, unknown_after_ms: 0 } })
        expect(result.voided).toEqual([])
        expect((await labelsOf(order_id))[0].status).toBe("purchased")
        expect(offlinePurchases(config)[0].voided).toBe(false)
      })
    })

    describe("void and return labels", () => {
      it("voids a label at the carrier once, however often asked, and a shipped parcel's label is refused", async () => {
        const { config, name } = await carrierAtNewark()
        const { order_id, wave_id } = await pickedOrder(name)
        await pack(wave_id, order_id)
        const [label] = await labelsOf(order_id)

        const voided = await call(api.post(`/admin/oms/orders/${order_id}/labels/${label.id}/void`, {}, admin))
        expect(voided.status).toBe(200)
        expect(voided.data.label).toMatchObject({ id: label.id, status: "voided" })
        expect(offlinePurchases(config)[0].voided).toBe(true)
        const again = await call(api.post(`/admin/oms/orders/${order_id}/labels/${label.id}/void`, {}, admin))
        expect(again.status).toBe(200)
        expect(again.data.label.status).toBe("voided")

        // A new label for the same fulfillment is a new purchase; the voided one stays voided.
        const [fulfillment] = await fulfillmentsOf(order_id)
        const bought = await call(
          api.post(`/admin/oms/orders/${order_id}/labels`, { fulfillment_id: fulfillment.id, carrier_account_id: label.carrier_account_id }, admin)
        )
        expect(bought.status).toBe(200)
        expect(bought.data.created).toBe(true)
        expect(bought.data.label.tracking_numbers).not.toEqual(label.tracking_numbers)
        expect(offlinePurchases(config)).toHaveLength(2)

        // Shipped: the label can no longer be taken back.
        await api.post(
          `/admin/orders/${order_id}/fulfillments/${fulfillment.id}/shipments`,
          { items: fulfillment.items.map((i: any) => ({ id: i.line_item_id, quantity: i.quantity })) },
          admin
        )
        const refused = await call(api.post(`/admin/oms/orders/${order_id}/labels/${bought.data.label.id}/void`, {}, admin))
        expect(refused.status).toBe(409)
        expect(refused.data.message).toMatch(/shipped fulfillment/)
        expect((await labelsOf(order_id)).map((l: any) => l.status).sort()).toEqual(["purchased", "voided"])
      })

      it("buys one return label from the customer back to the warehouse, however often asked", async () => {
        const { config, name } = await carrierAtNewark()
        const { order_id, wave_id } = await pickedOrder(name)
        await pack(wave_id, order_id)
        const [outbound] = await labelsOf(order_id)

        const first = await call(api.post(`/admin/oms/orders/${order_id}/labels/${outbound.id}/return`, {}, admin))
        expect(first.status).toBe(200)
        expect(first.data).toMatchObject({ created: true, label: { kind: "return", status: "purchased" } })
        const second = await call(api.post(`/admin/oms/orders/${order_id}/labels/${outbound.id}/return`, {}, admin))
        expect(second.data).toMatchObject({ created: false, label: { id: first.data.label.id } })

        const returns = offlinePurchases(config).filter((p) => p.is_return)
        expect(returns).toHaveLength(1)
        expect(returns[0].shipment!.from.city).toBe("Boston")
        expect(returns[0].shipment!.to.city).toBe("Newark")
        const file = await api.get(first.data.label.parcels[0].file_url, { ...admin, responseType: "arraybuffer" })
        expect(Buffer.from(file.data).subarray(0, 4).toString()).toBe("%PDF")
      })
    })

    describe("checkout prices", () => {
      it("prices the carrier option live, and falls back to its flat price when the carrier is down without blocking checkout", async () => {
        const { name } = await carrierAtNewark()
        const live = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 }, name)
        const liveMethod = (await api.get(`/admin/orders/${live.order_id}?fields=*shipping_methods`, admin)).data.order.shipping_methods[0]
        expect(liveMethod.data).toMatchObject({ price_source: "carrier", service_code: "offline_standard" })
        expect(liveMethod.amount).toBe(liveMethod.data.quoted_amount)
        expect(liveMethod.amount).not.toBe(9)

        const down = await carrierAtNewark()
        shipping().adapterFactory = (config) => ({
          ...createAdapter(config),
          rates: async () => {
            throw CarrierError.of("offline", "unavailable", "Offline carrier is unavailable (503)", { status: 503 })
          },
        })
        const order = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 }, down.name)
        const method = (await api.get(`/admin/orders/${order.order_id}?fields=*shipping_methods`, admin)).data.order.shipping_methods[0]
        expect(method.amount).toBe(9)
        expect(method.data).toMatchObject({ price_source: "fallback", quoted_amount: 9 })
        expect(method.data.price_note).toMatch(/could not quote: Offline carrier is unavailable \(503\)/)
      })
    })

    describe("carrier accounts", () => {
      it("keeps secrets write-only: no response, stored row or log line shows them", async () => {
        const lines: string[] = []
        const write = process.stdout.write.bind(process.stdout)
        const writeErr = process.stderr.write.bind(process.stderr)
        process.stdout.write = ((chunk: any, ...rest: any[]) => (lines.push(String(chunk)), write(chunk, ...rest))) as any
        process.stderr.write = ((chunk: any, ...rest: any[]) => (lines.push(String(chunk)), writeErr(chunk, ...rest))) as any
        try {
          const { account, name } = await carrierAtNewark()
          expect(account).toMatchObject({ carrier: "offline", secrets_set: ["api_key"], webhook_secret_set: true })
          const answers = [
            await api.get("/admin/oms/carrier-accounts", admin),
            await api.get(`/admin/oms/carrier-accounts/${account.id}`, admin),
            await api.post(`/admin/oms/carrier-accounts/${account.id}`, { name: "Renamed", secrets: { api_key: `${API_KEY}-2` } }, admin),
            await api.post(`/admin/oms/carrier-accounts/${account.id}/test`, {}, admin),
            await call(api.post("/admin/oms/carrier-accounts", { carrier: "offline", name: "x", secrets: { api_key: 42 } }, admin)),
            await call(api.post(`/admin/oms/carrier-accounts/${account.id}`, { webhook_secret: "" }, admin)),
          ]
          expect(answers[3].data).toEqual({ ok: true, message: null })
          expect(answers[4].status).toBe(400)
          expect(answers[4].data.message).toMatch(/Field 'secrets.api_key' must be non-empty text/)
          expect(answers[5].status).toBe(400)
          expect(answers[5].data.message).toMatch(/Field 'webhook_secret'/)
          const { order_id, wave_id } = await pickedOrder(name)
          answers.push(await pack(wave_id, order_id), await api.get(`/admin/oms/orders/${order_id}/labels`, admin))

          for (const answer of answers) {
            const text = JSON.stringify(answer.data)
            expect(text).not.toContain(API_KEY)
            expect(text).not.toContain(WEBHOOK_SECRET)
          }
          // The secret still works: it was replaced, sealed, and opens for the adapter.
          expect((await shipping().accountConfig(account.id)).secrets).toEqual({ api_key: `${API_KEY}-2` })
          const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
          const rows = await pg.raw(`select row_to_json(a)::text as row from oms_carrier_account a where id = ?`, [account.id])
          expect(rows.rows[0].row).not.toContain(API_KEY)
          expect(rows.rows[0].row).not.toContain(WEBHOOK_SECRET)
        } finally {
          process.stdout.write = write as any
          process.stderr.write = writeErr as any
        }
        expect(lines.join("")).not.toContain(API_KEY)
        expect(lines.join("")).not.toContain(WEBHOOK_SECRET)
      })

      it("refuses bad input with a 400 naming the field, and an account whose settings the adapter cannot read", async () => {
        const bad = await call(api.post("/admin/oms/carrier-accounts", { carrier: "fedex", name: "x" }, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/Field 'carrier' must be one of: offline, easypost, shippo, shipstation, sendcloud/)
        const url = await call(api.post("/admin/oms/carrier-accounts", { carrier: "offline", name: "x", base_url: "not a url" }, admin))
        expect(url.status).toBe(400)
        expect(url.data.message).toMatch(/Field 'base_url'/)
        const settings = await call(
          api.post("/admin/oms/carrier-accounts", { carrier: "offline", name: "x", settings: { void_window_hours: -1 } }, admin)
        )
        expect(settings.status).toBe(400)
        expect(settings.data.message).toMatch(/Field 'settings': Offline carrier settings: void_window_hours/)
        expect((await call(api.get("/admin/oms/carrier-accounts/ocacc_missing", admin))).status).toBe(404)
      })

      it("deletes an account with no unsettled purchase", async () => {
        const { account } = await carrierAtNewark()
        const deleted = await call(api.delete(`/admin/oms/carrier-accounts/${account.id}`, admin))
        expect(deleted.data).toEqual({ id: account.id, object: "carrier_account", deleted: true })
        expect((await call(api.get(`/admin/oms/carrier-accounts/${account.id}`, admin))).status).toBe(404)
      })
    })
  },
})

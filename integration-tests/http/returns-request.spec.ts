import {
  beginReceiveReturnWorkflow,
  confirmReturnReceiveWorkflow,
  receiveItemReturnRequestWorkflow,
} from "@medusajs/core-flows"
import { orderBooks, waitForResolution } from "../helpers/returns-resolution"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { readPdf } from "../../src/lib/documents/__tests__/read-pdf"
import { CarrierError } from "../../src/lib/shipping/errors"
import type { CarrierAdapter } from "../../src/lib/shipping/contract"
import { createAdapter } from "../../src/providers/carrier/adapters"
import { offlinePurchases } from "../../src/providers/carrier/adapters/offline"
import { SHIPPING_MODULE } from "../../src/modules/shipping"
import type ShippingModuleService from "../../src/modules/shipping/service"
import { adminHeaders } from "../helpers/admin"
import { recordEvents } from "../helpers/events"
import { call } from "../helpers/picking"
import { deliveredOrder, registerCustomer, ReturnSetup, seedReturnSetup, Shopper } from "../helpers/returns"
import { omsIntegrationTestRunner } from "../helpers/runner"
import {
  carrierReturnOption,
  casesOf,
  lineCounters,
  medusaReturnsOf,
  stockedAt,
  storePolicy,
} from "../helpers/return-requests"

jest.setTimeout(300_000)

// Requests through POST /store/oms/returns (and the admin's) on orders that were really placed,
// fulfilled, paid, shipped and delivered: the order lock, Medusa's counters, where a return goes,
// labels, keep-it, the slip and the events.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let setup: ReturnSetup
    let admin: { headers: Record<string, string> }
    let shopper: Shopper
    let n = 0

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
      setup = await seedReturnSetup(getContainer(), store)
      await storePolicy(getContainer())
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
      n += 1
      shopper = await registerCustomer(api, store, `request-${n}-${Date.now()}@example.com`)
    })

    const shipping = () => getContainer().resolve<ShippingModuleService>(SHIPPING_MODULE)
    afterEach(() => {
      shipping().adapterFactory = (config) => createAdapter(config)
    })

    const bostonOrder = (items: Record<string, number> = { "TEE-L": 2 }) =>
      deliveredOrder(getContainer(), api, admin, store, { city: "Boston", items, shopper, deliveredDaysAgo: 2 })

    const request = (orderId: string, body: Record<string, unknown>) =>
      call(api.post("/store/oms/returns", { order_id: orderId, method: "drop_off", resolution: "refund", ...body }, shopper.headers))

    it("lets 20 requests at once take no more than the returnable units, with one case and one event per return", async () => {
      const order = await bostonOrder({ "TEE-L": 2 })
      const line = order.lines["TEE-L"]
      const requested = recordEvents(getContainer(), "oms.return.requested")

      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          request(order.order_id, { items: [{ line_item_id: line, quantity: 1, reason_id: setup.reasons.wrong_size }] })
        )
      )
      const ok = answers.filter((a) => a.status === 200)
      const refused = answers.filter((a) => a.status !== 200)
      expect(ok).toHaveLength(2)
      expect(refused).toHaveLength(18)
      for (const a of refused) {
        // Refused before the lock (400) or after another took the units while it waited (409); both name the field.
        expect([400, 409]).toContain(a.status)
        expect(a.data.message).toContain("items.0.quantity")
      }

      expect(await lineCounters(getContainer(), order.order_id, line)).toMatchObject({ fulfilled: 2, requested: 2, received: 0 })
      const cases = await casesOf(getContainer(), order.order_id)
      expect(cases).toHaveLength(2)
      expect(cases.map((c: any) => c.lines.reduce((s: number, l: any) => s + l.quantity, 0))).toEqual([1, 1])
      const medusa = await medusaReturnsOf(getContainer(), order.order_id)
      expect(medusa).toHaveLength(2)
      expect(new Set(cases.map((c: any) => c.return_id))).toEqual(new Set(medusa.map((r) => r.id)))
      expect(new Set(ok.map((a) => a.data.return.id))).toEqual(new Set(cases.map((c: any) => c.id)))

      // Each case announced exactly once, even though Medusa's own order.return_requested also ran
      // the core-route recorder for both returns.
      await requested.waitFor((d) => d.id === cases[0].id)
      await requested.waitFor((d) => d.id === cases[1].id)
      await new Promise((r) => setTimeout(r, 1500))
      const ids = requested.events.filter((e) => e.data.order_id === order.order_id).map((e) => e.data.id)
      requested.stop()
      expect(ids.sort()).toEqual(cases.map((c: any) => c.id).sort())
    })

    it("does not offer a line again once Medusa received it back", async () => {
      const order = await bostonOrder({ "TEE-L": 1 })
      const line = order.lines["TEE-L"]
      const first = await request(order.order_id, { items: [{ line_item_id: line, quantity: 1 }] })
      expect(first.status).toBe(200)

      const container = getContainer()
      const [kase] = await casesOf(container, order.order_id)
      await beginReceiveReturnWorkflow(container).run({ input: { return_id: kase.return_id! } })
      await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: kase.return_id!, items: [{ id: line, quantity: 1 }] } })
      await confirmReturnReceiveWorkflow(container).run({ input: { return_id: kase.return_id! } })
      expect(await lineCounters(container, order.order_id, line)).toMatchObject({ fulfilled: 1, requested: 0, received: 1 })

      const { data } = await api.get(`/store/oms/orders/${order.order_id}/returnable`, shopper.headers)
      const tee = data.eligibility.lines.find((l: any) => l.line_item_id === line)
      expect(tee).toMatchObject({ returnable_quantity: 0, reason_code: "already_returned" })
      expect(tee.reason).toEqual(expect.any(String))

      const again = await request(order.order_id, { items: [{ line_item_id: line, quantity: 1 }] })
      expect(again.status).toBe(400)
      expect(again.data.message).toContain("items.0.quantity")
      expect(await casesOf(container, order.order_id)).toHaveLength(1)
    })

    it("sends the return to the chosen destination and says why on the line", async () => {
      const order = await bostonOrder({ "TEE-L": 1 })
      const nearest = await request(order.order_id, { items: [{ line_item_id: order.lines["TEE-L"], quantity: 1 }] })
      expect(nearest.status).toBe(200)
      const [kase] = await casesOf(getContainer(), order.order_id)
      const [medusa] = await medusaReturnsOf(getContainer(), order.order_id)
      expect(medusa.location_id).toBe(store.locations.newark)
      expect(medusa.status).toBe("requested")
      expect(kase.lines[0].destination_location_id).toBe(store.locations.newark)
      expect(kase.lines[0].destination_sentence).toMatch(/^Newark DC: nearest able to receive \(\d+ km\)/)

      // The "short" rule: Reno holds TEE-L below its safety stock, so the return goes there.
      await storePolicy(getContainer(), { destination: { strategy: "short" } })
      await api.post(`/admin/oms/locations/${store.locations.reno}`, { safety_stock: 100_000 }, admin)
      const second = await bostonOrder({ "TEE-L": 1 })
      const short = await request(second.order_id, { items: [{ line_item_id: second.lines["TEE-L"], quantity: 1 }] })
      expect(short.status).toBe(200)
      const [shortCase] = await casesOf(getContainer(), second.order_id)
      const [shortReturn] = await medusaReturnsOf(getContainer(), second.order_id)
      expect(shortReturn.location_id).toBe(store.locations.reno)
      expect(shortCase.lines[0].destination_location_id).toBe(store.locations.reno)
      expect(shortCase.lines[0].destination_sentence).toContain("short of TEE-L")
    })

    it("buys a return label from the customer to the destination for a label return", async () => {
      const { config } = await carrierReturnOption(getContainer(), store, "newark", "Newark DC", `label-${n}`)
      const order = await bostonOrder({ "TEE-L": 1 })
      const answer = await request(order.order_id, { method: "label", items: [{ line_item_id: order.lines["TEE-L"], quantity: 1 }] })
      expect(answer.status).toBe(200)
      expect(answer.data.return.tracking_number).toEqual(expect.any(String))
      expect(answer.data.return.label_url).toBe(`/store/oms/returns/${answer.data.return.id}/label`)

      const [kase] = await casesOf(getContainer(), order.order_id)
      const label = await shipping().retrieveLabelRow(kase.label_id!)
      expect(label).toMatchObject({ kind: "return", status: "purchased", order_id: order.order_id, location_id: store.locations.newark })
      const bought = offlinePurchases(config).filter((p) => p.is_return)
      expect(bought).toHaveLength(1)
      expect(bought[0].shipment!.from.city).toBe("Boston")
      expect(bought[0].shipment!.to.city).toBe("Newark")
      expect(label.tracking_numbers).toContain(kase.tracking_number)

      const file = await call(api.get(`/store/oms/returns/${kase.id}/label`, { ...shopper.headers, responseType: "arraybuffer" }))
      expect(file.status).toBe(200)
      expect(file.headers["content-type"]).toContain("application/pdf")
    })

    it("leaves nothing behind when the label cannot be bought", async () => {
      const { config } = await carrierReturnOption(getContainer(), store, "newark", "Newark DC", `fail-${n}`)
      shipping().adapterFactory = (c) => {
        const real = createAdapter(c)
        return {
          ...real,
          returnLabel: async () => {
            throw new CarrierError({ carrier: "offline", kind: "rejected", message: "address rejected by the carrier", status: 422, outcome_unknown: false })
          },
        } as CarrierAdapter
      }
      const order = await bostonOrder({ "TEE-L": 1 })
      const line = order.lines["TEE-L"]
      const failed = await request(order.order_id, { method: "label", items: [{ line_item_id: line, quantity: 1 }] })
      expect(failed.status).toBe(400)
      expect(failed.data.message).toContain("address rejected by the carrier")
      expect(await casesOf(getContainer(), order.order_id)).toHaveLength(0)
      expect(await lineCounters(getContainer(), order.order_id, line)).toMatchObject({ requested: 0 })
      expect(offlinePurchases(config).filter((p) => p.is_return)).toHaveLength(0)

      shipping().adapterFactory = (c) => createAdapter(c)
      const retried = await request(order.order_id, { method: "drop_off", items: [{ line_item_id: line, quantity: 1 }] })
      expect(retried.status).toBe(200)
      expect(await lineCounters(getContainer(), order.order_id, line)).toMatchObject({ requested: 1 })
    })

    it("ends a keep-it return inspected through Medusa's dismiss flow, with nothing restocked", async () => {
      await storePolicy(getContainer(), { keep_it_under: 100 })
      const order = await bostonOrder({ "TEE-L": 1 })
      const line = order.lines["TEE-L"]
      const before = await stockedAt(getContainer(), store.inventory_items["TEE-L"], store.locations.newark)
      const inspected = recordEvents(getContainer(), "oms.return.inspected")

      const answer = await request(order.order_id, { method: "keep_it", items: [{ line_item_id: line, quantity: 1 }] })
      expect(answer.status).toBe(200)
      expect(answer.data.return.status).toBe("inspected")
      const [kase] = await casesOf(getContainer(), order.order_id)
      // The inspected event resolves it off the request, so it may already be resolved here.
      expect(kase).toMatchObject({ method: "keep_it" })
      expect(["inspected", "resolved"]).toContain(kase.status)
      expect(kase.lines[0].keep_it).toBe(true)
      await inspected.waitFor((d) => d.id === kase.id)
      inspected.stop()

      // Keep-it is a refund without a return: the whole unit back, once, nothing pending.
      const resolved = await waitForResolution(getContainer(), kase.id, 60_000)
      expect(resolved).toMatchObject({ status: "resolved", resolution_status: "done" })
      const books = await orderBooks(getContainer(), order.order_id)
      expect(books.refunds.map((r) => r.amount)).toEqual([Number(kase.lines[0].unit_refund)])
      expect(books.pending_difference).toBe(0)

      const [medusa] = await medusaReturnsOf(getContainer(), order.order_id)
      expect(medusa.status).toBe("received")
      expect(await lineCounters(getContainer(), order.order_id, line)).toMatchObject({ requested: 0, received: 0, dismissed: 1 })
      expect(await stockedAt(getContainer(), store.inventory_items["TEE-L"], store.locations.newark)).toBe(before)
    })

    it("prints the RMA code on the return slip", async () => {
      const order = await bostonOrder({ "TEE-L": 1 })
      const answer = await request(order.order_id, {
        items: [{ line_item_id: order.lines["TEE-L"], quantity: 1, reason_id: setup.reasons.wrong_size }],
      })
      const { id, rma_code, slip_url } = answer.data.return
      expect(rma_code).toMatch(/^R-[2-9A-Z]{8}$/)
      const slip = await call(api.get(slip_url, { ...shopper.headers, responseType: "arraybuffer" }))
      expect(slip.status).toBe(200)
      expect(slip.headers["content-type"]).toContain("application/pdf")
      const { text } = await readPdf(Buffer.from(slip.data))
      expect(text).toContain(`RMA ${rma_code}`)
      expect(text).toContain(`Order #${order.display_id}`)
      expect(text).toContain("Newark DC")
      expect(text).toContain("Wrong size")
      expect(id).toEqual(expect.any(String))
    })

    it("answers bad input with a 400 naming the field", async () => {
      const order = await bostonOrder({ "TEE-L": 1 })
      const line = order.lines["TEE-L"]
      const cases: [Record<string, unknown>, string][] = [
        [{ items: [{ line_item_id: line, quantity: 0 }] }, "items.0.quantity"],
        [{ items: [{ line_item_id: line, quantity: 1 }], method: "fax" }, "method"],
        [{ items: [] }, "items"],
        [{ items: [{ line_item_id: line, quantity: 2 }] }, "items.0.quantity"],
        [{ items: [{ line_item_id: line, quantity: 1, reason_id: "rr_nope" }] }, "items.0.reason_id"],
        [{ items: [{ line_item_id: line, quantity: 1, reason_id: setup.reasons.other }] }, "items.0.note"],
        [{ items: [{ line_item_id: line, quantity: 1, reason_id: setup.reasons.damaged, note: "cracked" }] }, "items.0.photo_urls"],
        [{ items: [{ line_item_id: "ordli_not_here", quantity: 1 }] }, "items.0.line_item_id"],
        [{ items: [{ line_item_id: line, quantity: 1 }], method: "keep_it" }, "items.0.line_item_id"],
        [{ items: [{ line_item_id: line, quantity: 1 }], method: "label" }, "method"],
        [{ items: [{ line_item_id: line, quantity: 1 }], resolution: "exchange", exchange_items: [{ variant_id: "variant_nope", quantity: 1 }] }, "exchange_items.0.variant_id"],
        [{ items: [{ line_item_id: line, quantity: 1 }], resolution: "exchange" }, "exchange_items"],
      ]
      for (const [body, field] of cases) {
        const answer = await request(order.order_id, body)
        expect({ field, status: answer.status, type: answer.data.type }).toEqual({ field, status: 400, type: "invalid_data" })
        expect(answer.data.message).toContain(field)
      }
      expect(await casesOf(getContainer(), order.order_id)).toHaveLength(0)
      expect(await lineCounters(getContainer(), order.order_id, line)).toMatchObject({ requested: 0 })
    })

    it("lets an admin list an order's returns and ask for one (source admin)", async () => {
      const order = await bostonOrder({ "TEE-L": 2 })
      const line = order.lines["TEE-L"]
      const made = await call(
        api.post(
          `/admin/oms/orders/${order.order_id}/returns`,
          { items: [{ line_item_id: line, quantity: 1 }], method: "drop_off", resolution: "store_credit" },
          admin
        )
      )
      expect(made.status).toBe(200)
      expect(made.data.return).toMatchObject({ source: "admin", resolution: "store_credit", status: "requested", order_id: order.order_id })
      expect(made.data.return.terms).toMatchObject({ restocking_fee_percent: 0, shipping: { mode: "free" } })
      expect(made.data.return.expected_refund).toBe(made.data.return.lines[0].unit_refund)

      const { data } = await api.get(`/admin/oms/orders/${order.order_id}/returns`, admin)
      expect(data.returns.map((r: any) => r.id)).toEqual([made.data.return.id])
      expect(data.eligibility.lines.find((l: any) => l.line_item_id === line).returnable_quantity).toBe(1)

      const missing = await call(api.get(`/admin/oms/orders/order_missing/returns`, admin))
      expect(missing.status).toBe(404)
      const bad = await call(api.post(`/admin/oms/orders/${order.order_id}/returns`, { items: [{ line_item_id: line, quantity: 5 }], method: "drop_off", resolution: "refund" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("items.0.quantity")
    })
  },
})

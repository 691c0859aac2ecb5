import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { recordEvents } from "../helpers/events"
import { call } from "../helpers/picking"
import { deliveredOrder, guestHeaders, registerCustomer, ReturnSetup, seedReturnSetup, Shopper } from "../helpers/returns"
import { casesOf, lineCounters, medusaReturnsOf, returnsModule, storePolicy } from "../helpers/return-requests"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

// Who may see and ask for returns through the store: customers their own orders, guests the one
// order their token proves, and Medusa's own POST /store/returns behind the plugin's gate.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let setup: ReturnSetup
    let admin: { headers: Record<string, string> }
    let owner: Shopper
    let stranger: Shopper
    let n = 0

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
      setup = await seedReturnSetup(getContainer(), store)
      await storePolicy(getContainer())
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
      n += 1
      owner = await registerCustomer(api, store, `owner-${n}-${Date.now()}@example.com`)
      stranger = await registerCustomer(api, store, `stranger-${n}-${Date.now()}@example.com`)
    })

    const ownersOrder = (shopper: Shopper = owner) =>
      deliveredOrder(getContainer(), api, admin, store, { city: "Boston", items: { "TEE-L": 2 }, shopper, deliveredDaysAgo: 2 })
    const guestOrder = (email: string) =>
      deliveredOrder(getContainer(), api, admin, store, { city: "Boston", items: { "TEE-L": 1 }, email, deliveredDaysAgo: 2 })
    const returnBody = (orderId: string, lineId: string) => ({
      order_id: orderId,
      items: [{ line_item_id: lineId, quantity: 1, reason_id: setup.reasons.wrong_size }],
      method: "drop_off",
      resolution: "refund",
    })
    const coreBody = (orderId: string, lineId: string, extra: Record<string, unknown> = {}) => ({
      order_id: orderId,
      items: [{ id: lineId, quantity: 1 }],
      return_shipping: { option_id: setup.return_options.newark },
      ...extra,
    })

    it("shows, takes and reads returns only for the customer's own orders (404 for anyone else)", async () => {
      const order = await ownersOrder()
      const line = order.lines["TEE-L"]

      for (const who of [stranger.headers, guestHeaders(store)]) {
        const seen = await call(api.get(`/store/oms/orders/${order.order_id}/returnable`, who))
        expect(seen.status).toBe(404)
        const asked = await call(api.post("/store/oms/returns", returnBody(order.order_id, line), who))
        expect(asked.status).toBe(404)
        expect(asked.data.message).toBe(`Order with id ${order.order_id} was not found`)
      }
      // The same answer as for an order that does not exist.
      const unknown = await call(api.get(`/store/oms/orders/order_01NOTANORDER/returnable`, owner.headers))
      expect(unknown.status).toBe(404)
      expect(await lineCounters(getContainer(), order.order_id, line)).toMatchObject({ requested: 0 })

      const { data: returnable } = await api.get(`/store/oms/orders/${order.order_id}/returnable`, owner.headers)
      expect(returnable.eligibility.lines.find((l: any) => l.line_item_id === line)).toMatchObject({ returnable_quantity: 2 })
      const made = await api.post("/store/oms/returns", returnBody(order.order_id, line), owner.headers)
      const id = made.data.return.id
      expect(made.data.return).toMatchObject({ order_id: order.order_id, status: "requested", slip_url: `/store/oms/returns/${id}/slip` })
      expect(made.data.return).not.toHaveProperty("terms")

      for (const path of [`/store/oms/returns/${id}`, `/store/oms/returns/${id}/slip`, `/store/oms/returns/${id}/label`]) {
        const read = await call(api.get(path, stranger.headers))
        expect({ path, status: read.status }).toEqual({ path, status: 404 })
      }
      expect((await api.get("/store/oms/returns", stranger.headers)).data).toMatchObject({ returns: [], count: 0 })
      const mine = (await api.get("/store/oms/returns", owner.headers)).data
      expect(mine.returns.map((r: any) => r.id)).toEqual([id])
      expect((await api.get(`/store/oms/returns/${id}`, owner.headers)).data.return.rma_code).toBe(made.data.return.rma_code)
      // No label was bought for a drop-off.
      expect((await call(api.get(`/store/oms/returns/${id}/label`, owner.headers))).status).toBe(404)
    })

    it("gives a guest a token only for the right order number and e-mail, and the token opens that order only", async () => {
      const email = `guest-${n}-${Date.now()}@example.com`
      const order = await guestOrder(email)
      const other = await guestOrder(`other-${email}`)
      const guest = guestHeaders(store)

      const wrongEmail = await call(api.post("/store/oms/returns/lookup", { order_display_id: order.display_id, email: `x${email}` }, guest))
      const wrongNumber = await call(api.post("/store/oms/returns/lookup", { order_display_id: other.display_id, email }, guest))
      expect(wrongEmail.status).toBe(404)
      expect(wrongNumber.status).toBe(404)
      // Nothing in the answer says which half was wrong.
      expect(wrongEmail.data).toEqual(wrongNumber.data)
      const bad = await call(api.post("/store/oms/returns/lookup", { order_display_id: order.display_id, email: "not-an-email" }, guest))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("email")

      const { data: found } = await api.post("/store/oms/returns/lookup", { order_display_id: order.display_id, email: email.toUpperCase() }, guest)
      expect(found.order_id).toBe(order.order_id)
      expect(new Date(found.expires_at).getTime()).toBeGreaterThan(Date.now())
      const withToken = guestHeaders(store, { "x-oms-return-token": found.token })

      expect((await call(api.get(`/store/oms/orders/${order.order_id}/returnable`, withToken))).status).toBe(200)
      expect((await call(api.get(`/store/oms/orders/${other.order_id}/returnable`, withToken))).status).toBe(404)
      expect((await call(api.post("/store/oms/returns", returnBody(other.order_id, other.lines["TEE-L"]), withToken))).status).toBe(404)
      const forged = guestHeaders(store, { "x-oms-return-token": `${found.token}x` })
      expect((await call(api.get(`/store/oms/orders/${order.order_id}/returnable`, forged))).status).toBe(404)

      const made = await call(api.post("/store/oms/returns", returnBody(order.order_id, order.lines["TEE-L"]), withToken))
      expect(made.status).toBe(200)
      expect((await api.get("/store/oms/returns", withToken)).data.returns.map((r: any) => r.id)).toEqual([made.data.return.id])
      expect((await call(api.get(`/store/oms/returns/${made.data.return.id}`, withToken))).status).toBe(200)
      expect((await call(api.get(`/store/oms/returns/${made.data.return.id}`, guest))).status).toBe(404)
    })

    it("gates Medusa's POST /store/returns: no receive_now, no location_id, no stranger's order; the owner's return works and becomes a case", async () => {
      const order = await ownersOrder()
      const line = order.lines["TEE-L"]

      const now = await call(api.post("/store/returns", coreBody(order.order_id, line, { receive_now: true }), owner.headers))
      expect(now.status).toBe(400)
      expect(now.data).toMatchObject({ type: "invalid_data" })
      expect(now.data.message).toContain("receive_now")
      const where = await call(api.post("/store/returns", coreBody(order.order_id, line, { location_id: store.locations.reno }), owner.headers))
      expect(where.status).toBe(400)
      expect(where.data.message).toContain("location_id")
      for (const who of [stranger.headers, guestHeaders(store)]) {
        const theirs = await call(api.post("/store/returns", coreBody(order.order_id, line), who))
        expect(theirs.status).toBe(404)
      }
      expect(await medusaReturnsOf(getContainer(), order.order_id)).toHaveLength(0)

      const requested = recordEvents(getContainer(), "oms.return.requested")
      const made = await call(api.post("/store/returns", coreBody(order.order_id, line), owner.headers))
      expect(made.status).toBe(200)
      expect(made.data.return).toMatchObject({ order_id: order.order_id, status: "requested" })
      const [medusa] = await medusaReturnsOf(getContainer(), order.order_id)
      expect(medusa.id).toBe(made.data.return.id)
      // The return can be received later: it carries its return option's location.
      expect(medusa.location_id).toBe(store.locations.newark)

      const event = await requested.waitFor((d) => d.return_id === medusa.id)
      const [kase] = await casesOf(getContainer(), order.order_id)
      expect(kase).toMatchObject({ id: event.data.id, source: "core_route", return_id: medusa.id, status: "requested" })
      expect(kase.lines).toHaveLength(1)
      expect(kase.lines[0]).toMatchObject({ order_line_item_id: line, quantity: 1, destination_location_id: store.locations.newark })

      // Medusa's event again (events arrive at least once): still one case, no second announcement.
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit({ name: "order.return_requested", data: { order_id: order.order_id, return_id: medusa.id } })
      await bus.emit({ name: "order.return_requested", data: { order_id: order.order_id, return_id: medusa.id } })
      await new Promise((r) => setTimeout(r, 2500))
      expect(await casesOf(getContainer(), order.order_id)).toHaveLength(1)
      expect(requested.events.filter((e) => e.data.return_id === medusa.id)).toHaveLength(1)
      requested.stop()
      // The case counts against what is left: the customer's next request sees 1 unit, not 2.
      const { data } = await api.get(`/store/oms/orders/${order.order_id}/returnable`, owner.headers)
      expect(data.eligibility.lines.find((l: any) => l.line_item_id === line).returnable_quantity).toBe(1)
    })

    it("leaves Medusa's POST /store/returns as Medusa made it when returns.guard_store_route is false", async () => {
      const order = await ownersOrder()
      const line = order.lines["TEE-L"]
      const options = returnsModule(getContainer()).getOmsOptions()
      options.returns.guard_store_route = false
      try {
        // Anyone holding the order id, choosing the location: Medusa's own behaviour.
        const made = await call(
          api.post("/store/returns", coreBody(order.order_id, line, { location_id: store.locations.reno }), guestHeaders(store))
        )
        expect(made.status).toBe(200)
        const [medusa] = await medusaReturnsOf(getContainer(), order.order_id)
        expect(medusa.location_id).toBe(store.locations.reno)
        // Medusa's own validation still answers as Medusa does.
        const invalid = await call(api.post("/store/returns", { order_id: order.order_id }, guestHeaders(store)))
        expect(invalid.status).toBe(400)
        expect(invalid.data.type).toBe("invalid_data")
      } finally {
        options.returns.guard_store_route = true
      }
    })
  },
})

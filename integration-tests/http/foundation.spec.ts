import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { buildCatalog } from "../../scripts/seed/catalog"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { DEMO_CUSTOMER_ADDRESSES } from "../../scripts/seed/geography"
import { adminHeaders } from "../helpers/admin"
import { waitForDecisions } from "../helpers/routing"
import { checkoutViaStoreApi } from "../helpers/storefront"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(180_000)

const SEEDED_ORDERS = 4
const boston = DEMO_CUSTOMER_ADDRESSES.find((a) => a.city === "Boston")!

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    // Runs once; the runner snapshots the database after it and restores that before each test.
    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: SEEDED_ORDERS })
      await waitForDecisions(getContainer(), store.order_ids)
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    describe("the demo store", () => {
      it("has four warehouses, three regions and its orders", async () => {
        expect(Object.keys(store.locations)).toEqual(["newark", "reno", "rotterdam", "coleshill"])
        expect(Object.keys(store.regions).sort()).toEqual(["eur", "gbp", "usd"])
        expect(Object.keys(store.variants).length).toBeGreaterThanOrEqual(80)
        expect(store.order_ids).toHaveLength(SEEDED_ORDERS)
      })

      it("is not duplicated by a second seed run", async () => {
        const again = await seedDemoStore(getContainer(), { orders: SEEDED_ORDERS })
        expect(again.already_seeded).toBe(true)
        const { data } = await api.get("/admin/stock-locations", admin)
        expect(data.stock_locations).toHaveLength(4)
        const orders = await api.get("/admin/orders?fields=id", admin)
        expect(orders.data.count).toBe(SEEDED_ORDERS)
      })
    })

    describe("checkout through the store API", () => {
      it("completes a cart into an order, fires order.placed and reserves the units", async () => {
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const placed = TestEventUtils.waitSubscribersExecution("order.placed", eventBus)

        const result = await checkoutViaStoreApi(api, {
          publishableKey: store.publishable_key,
          regionId: store.regions.usd,
          address: boston,
          items: [{ variant_id: store.variants["TEE-S"], quantity: 2 }],
        })
        expect(result.type).toBe("order")
        await placed
        // The order.placed subscriber (routing) ran for this very order.
        const [decision] = await waitForDecisions(getContainer(), [result.order.id])
        expect(decision.order_id).toBe(result.order.id)

        const { data } = await api.get(`/admin/oms/orders/${result.order.id}/reservations`, admin)
        const units = data.locations.reduce((sum: number, l: { units: number }) => sum + l.units, 0)
        expect(units).toBe(2)
        expect(data.unreserved).toEqual([])
        expect(data.locations[0].lines[0]).toEqual(expect.objectContaining({ sku: "TEE-S", quantity: 2 }))
      })
    })

    describe("admin routes need an admin", () => {
      it.each([
        ["get", "/admin/oms/locations"],
        ["get", "/admin/oms/overview"],
        ["post", "/admin/oms/locations/sloc_x"],
        ["get", "/admin/oms/orders/order_x/reservations"],
      ])("%s %s without a session is 401", async (method, path) => {
        const res = await (method === "get" ? api.get(path) : api.post(path, { priority: 1 })).catch(
          (e: any) => e.response
        )
        expect(res.status).toBe(401)
      })
    })

    describe("GET /admin/oms/locations", () => {
      it("lists every warehouse with its routing profile and address", async () => {
        const { data } = await api.get("/admin/oms/locations", admin)
        expect(data.count).toBe(4)
        const rotterdam = data.locations.find((l: any) => l.name === "Rotterdam Hub")
        expect(rotterdam.address).toEqual(expect.objectContaining({ city: "Rotterdam", country_code: "NL" }))
        expect(rotterdam.profile).toEqual(
          expect.objectContaining({ active: true, markets: ["NL", "DE", "BE", "FR", "GB"], has_profile: true })
        )
      })

      it("shows each warehouse's orders today against its capacity, and where its address places it", async () => {
        const decisions = await (getContainer().resolve("oms_routing") as any).listRoutingDecisions({}, { take: null })
        const expected: Record<string, number> = {}
        const today = new Date(new Date().toISOString().slice(0, 10)) // the test app's "today" is UTC
        for (const d of decisions) {
          if (new Date(d.created_at) < today) continue
          for (const id of d.location_ids) expected[id] = (expected[id] ?? 0) + 1
        }
        const { data } = await api.get("/admin/oms/locations", admin)
        for (const location of data.locations) expect(location.capacity_used_today).toBe(expected[location.id] ?? 0)
        expect(data.locations.reduce((n: number, l: any) => n + l.capacity_used_today, 0)).toBeGreaterThan(0)

        const reno = data.locations.find((l: any) => l.name === "Reno Fulfillment Center")
        expect(reno.geocoded).toEqual(expect.objectContaining({ precision: "postal_code" }))
        expect(reno.geocoded.latitude).toBeCloseTo(39.5, 0)
        expect(reno.geocoded.longitude).toBeCloseTo(-119.8, 0)
      })

      it("pages the locations by name with limit and offset, and says how many there are", async () => {
        const { data: all } = await api.get("/admin/oms/locations", admin)
        expect([all.count, all.limit, all.offset]).toEqual([4, 50, 0])
        const names = all.locations.map((l: any) => l.name)
        const { data: page } = await api.get("/admin/oms/locations?limit=2&offset=1", admin)
        expect([page.count, page.limit, page.offset]).toEqual([4, 2, 1])
        expect(page.locations.map((l: any) => l.name)).toEqual(names.slice(1, 3))
        for (const [query, sentence] of [
          ["limit=0", "Field 'limit' must be at least 1"],
          ["limit=201", "Field 'limit' must be at most 200"],
          ["offset=-1", "Field 'offset' must be at least 0"],
          ["limit=many", "Field 'limit' must be a number (got 'many')"],
          ["colour=red", "Field 'colour' is not allowed; allowed: limit, offset"],
        ]) {
          const res = await api.get(`/admin/oms/locations?${query}`, admin).catch((e: any) => e.response)
          expect({ query, status: res.status, type: res.data.type, message: res.data.message }).toEqual({
            query,
            status: 400,
            type: "invalid_data",
            message: `Invalid request: ${sentence}`,
          })
        }
      })

      it("shows routing defaults for a location that has no profile yet", async () => {
        const { data: created } = await api.post("/admin/stock-locations", { name: "Pop-up Store" }, admin)
        const { data } = await api.get(`/admin/oms/locations/${created.stock_location.id}`, admin)
        expect(data.location.profile).toEqual({
          active: true,
          priority: 0,
          markets: [],
          daily_capacity: null,
          safety_stock: 0,
          latitude: null,
          longitude: null,
          has_profile: false,
        })
      })
    })

    describe("POST /admin/oms/locations/:id", () => {
      it("changes the profile and keeps the change", async () => {
        const id = store.locations.reno
        const { data } = await api.post(
          `/admin/oms/locations/${id}`,
          { active: false, priority: 50, markets: ["us", "CA"], daily_capacity: 300, safety_stock: 3 },
          admin
        )
        expect(data.location.profile).toEqual(
          expect.objectContaining({ active: false, priority: 50, markets: ["US", "CA"], daily_capacity: 300, safety_stock: 3 })
        )
        const { data: again } = await api.get(`/admin/oms/locations/${id}`, admin)
        expect(again.location.profile.priority).toBe(50)
        expect(again.location.profile.active).toBe(false)
      })

      it("creates the profile for a location that had none", async () => {
        const { data: created } = await api.post("/admin/stock-locations", { name: "Overflow" }, admin)
        const { data } = await api.post(
          `/admin/oms/locations/${created.stock_location.id}`,
          { latitude: 52.37, longitude: 4.89 },
          admin
        )
        expect(data.location.profile).toEqual(expect.objectContaining({ has_profile: true, latitude: expect.any(Number) }))
        expect(data.location.profile.latitude).toBeCloseTo(52.37, 2)
      })

      it.each([
        [{ priority: "high" }, /priority/],
        [{ priority: -1 }, /priority/],
        [{ markets: ["USA"] }, /markets.*two-letter ISO 3166-1 country code/],
        [{ daily_capacity: 0 }, /daily_capacity/],
        [{ safety_stock: 1.5 }, /safety_stock/],
        [{ latitude: 52.1 }, /latitude and longitude must be given together/],
        [{ latitude: 120, longitude: 4 }, /latitude/],
        [{ colour: "red" }, /colour/],
      ])("refuses %j with a 400 naming the field", async (body, message) => {
        const res = await api.post(`/admin/oms/locations/${store.locations.newark}`, body, admin).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
        const { data } = await api.get(`/admin/oms/locations/${store.locations.newark}`, admin)
        expect(data.location.profile.priority).toBe(1) // nothing half-written
      })

      it("says in full which field is wrong and what it may be", async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ priority: "high" }, "Field 'priority' must be a number (got 'high')"],
          [{ priority: 1001 }, "Field 'priority' must be at most 1000"],
          [{ safety_stock: 1.5 }, "Field 'safety_stock' must be a whole number (got '1.5')"],
          [{ active: "yes" }, "Field 'active' must be a boolean (got 'yes')"],
          [{ latitude: 52.1 }, "Field 'longitude': latitude and longitude must be given together"],
          [
            { colour: "red" },
            "Field 'colour' is not allowed; allowed: active, priority, markets, daily_capacity, safety_stock, latitude, longitude",
          ],
        ]
        for (const [body, sentence] of cases) {
          const res = await api.post(`/admin/oms/locations/${store.locations.newark}`, body, admin).catch((e: any) => e.response)
          expect({ body, status: res.status, type: res.data.type, message: res.data.message }).toEqual({
            body,
            status: 400,
            type: "invalid_data",
            message: `Invalid request: ${sentence}`,
          })
        }
      })

      it("answers 404 for a stock location that does not exist", async () => {
        const res = await api.post("/admin/oms/locations/sloc_missing", { priority: 1 }, admin).catch((e: any) => e.response)
        expect(res.status).toBe(404)
        expect(res.data.message).toMatch(/sloc_missing/)
      })

      it("ends with one profile when two admins save at the same moment", async () => {
        const { data: created } = await api.post("/admin/stock-locations", { name: "Race Location" }, admin)
        const id = created.stock_location.id
        const results = await Promise.all(
          [1, 2, 3, 4].map((p) => api.post(`/admin/oms/locations/${id}`, { priority: p }, admin).catch((e: any) => e.response))
        )
        expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200])
        const routing = getContainer().resolve("oms_routing") as any
        const profiles = await routing.listLocationProfiles({ stock_location_id: id })
        expect(profiles).toHaveLength(1)
      })
    })

    describe("GET /admin/oms/overview", () => {
      it("counts today's orders, their fulfillment status and stock per warehouse", async () => {
        const { data } = await api.get("/admin/oms/overview", admin)
        expect(data.timezone).toBe("UTC")
        expect(data.orders_today).toBe(SEEDED_ORDERS)
        expect(data.fulfillment.orders).toBe(SEEDED_ORDERS)
        expect(data.fulfillment.by_status).toEqual({ not_fulfilled: SEEDED_ORDERS })

        const stocked: Record<string, number> = {}
        for (const p of buildCatalog()) for (const v of p.variants) for (const [k, q] of Object.entries(v.stock)) stocked[k] = (stocked[k] ?? 0) + q
        const newark = data.stock_by_location.find((l: any) => l.name === "Newark DC")
        expect(newark.stocked).toBe(stocked.newark)
        const totalReserved = data.stock_by_location.reduce((s: number, l: any) => s + l.reserved, 0)
        expect(totalReserved).toBeGreaterThan(0)
        for (const l of data.stock_by_location) expect(l.available).toBe(l.stocked - l.reserved)
      })

      it("counts today's routing from the decisions: routed, split rate, km per order, held and backordered", async () => {
        const routing = getContainer().resolve("oms_routing") as any
        const decisions = await routing.listRoutingDecisions({ order_id: store.order_ids }, { take: null })
        const kmOf = (d: any) => d.plan.shipments.reduce((s: number, x: any) => s + (x.distance_km ?? 0), 0)
        const expectedFor = (placed: any[]) => {
          const split = placed.filter((d) => d.plan.shipments.length > 1).length
          const km = placed.reduce((s, d) => s + kmOf(d), 0)
          return {
            routed_today: placed.length,
            split_today: split,
            split_rate: Math.round((split / placed.length) * 10_000) / 10_000,
            average_km: Math.round((km / placed.length) * 10) / 10,
          }
        }
        // Every seeded order ships from somewhere, some from more than one place.
        expect(decisions.every((d: any) => d.status === "routed")).toBe(true)
        const { data } = await api.get("/admin/oms/overview", admin)
        expect(data.routing).toEqual({ ...expectedFor(decisions), held: 0, backordered: 0 })
        expect(data.routing.average_km).toBeGreaterThan(0)

        // Yesterday's decisions: a routed one is not "today", a held or backordered one still waits now.
        const yesterday = new Date(Date.now() - 36 * 3600 * 1000)
        const template = decisions[0]
        await routing.createRoutingDecisions(
          ["routed", "held", "backordered"].map((status) => ({
            order_id: `order_yesterday_${status}`,
            status,
            method: template.method,
            rule_set: template.rule_set,
            location_ids: template.location_ids,
            plan: template.plan,
            trace: template.trace,
            history: template.history,
            created_at: yesterday,
          }))
        )

        // With every location switched off, re-routing an order holds it: it leaves "routed today".
        for (const id of Object.values(store.locations)) await api.post(`/admin/oms/locations/${id}`, { active: false }, admin)
        const heldId = store.order_ids[0]
        const { data: rerouted } = await api.post(`/admin/oms/orders/${heldId}/route`, {}, admin)
        expect(rerouted.decision.status).toBe("held")

        const { data: after } = await api.get("/admin/oms/overview", admin)
        const stillRouted = decisions.filter((d: any) => d.order_id !== heldId)
        expect(after.routing).toEqual({ ...expectedFor(stillRouted), held: 2, backordered: 1 })
      })

      it("moves an order out of not_fulfilled once it is fulfilled", async () => {
        const orderId = store.order_ids[0]
        const { data: order } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
        await api.post(
          `/admin/orders/${orderId}/fulfillments`,
          { items: order.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
          admin
        )
        const { data } = await api.get("/admin/oms/overview", admin)
        expect(data.fulfillment.by_status.fulfilled).toBe(1)
        expect(data.fulfillment.by_status.not_fulfilled).toBe(SEEDED_ORDERS - 1)
      })
    })

    describe("GET /admin/oms/orders/:id/reservations", () => {
      it("answers 404 for an unknown order", async () => {
        const res = await api.get("/admin/oms/orders/order_missing/reservations", admin).catch((e: any) => e.response)
        expect(res.status).toBe(404)
      })
    })
  },
})

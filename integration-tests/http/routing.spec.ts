import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { geocodeAddress } from "../../src/lib/geo"
import { defaultRuleSet, planAllocation } from "../../src/lib/routing"
import { placeOrder } from "../../scripts/seed/place-order"
import { adminHeaders } from "../helpers/admin"
import { recordEvents } from "../helpers/events"
import { demoAddress, placeRoutedOrder } from "../helpers/orders"
import { reservedBySku, setStock as setDemoStock, waitForDecisions, waitForDecisionStatus } from "../helpers/routing"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

const at = demoAddress

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 2 })
      await waitForDecisions(getContainer(), store.order_ids)
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    /** An order through Medusa's own cart completion, then routed by the subscriber. */
    const orderTo = (city: string, items: Record<string, number>) =>
      placeRoutedOrder(getContainer(), store, city, items, { email: "routing@example.com" })

    const setStock = (sku: string, perLocation: Record<string, number>) =>
      setDemoStock(getContainer(), store, sku, perLocation)

    describe("routing placed orders", () => {
      it("ships from the nearest warehouse that has everything", async () => {
        const routed = recordEvents(getContainer(), "oms.order.routed")
        const boston = await orderTo("Boston", { "TEE-L": 2 })
        const event = await routed.waitFor((data) => data?.id === boston.order_id).finally(routed.stop)
        expect(event.data).toEqual({ id: boston.order_id, decision_id: boston.decision.id, status: "routed" })
        const losAngeles = await orderTo("Los Angeles", { "TEE-L": 2 })
        expect(await reservedBySku(getContainer(), boston.order_id)).toEqual({ "Newark DC": { "TEE-L": 2 } })
        expect(await reservedBySku(getContainer(), losAngeles.order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 2 } })
        expect(losAngeles.decision.status).toBe("routed")
      })

      it("prefers one parcel from a farther warehouse over two parcels", async () => {
        // TEE-M is only in Reno; TEE-L is in Newark and Reno. Boston gets one parcel from Reno.
        const { order_id, decision } = await orderTo("Boston", { "TEE-M": 1, "TEE-L": 1 })
        expect(await reservedBySku(getContainer(), order_id)).toEqual({
          "Reno Fulfillment Center": { "TEE-M": 1, "TEE-L": 1 },
        })
        expect(decision.plan.shipments).toHaveLength(1)
        expect(decision.trace.decision).toMatch(/Reno Fulfillment Center/)
      })

      it("splits when no single warehouse serving the market has everything", async () => {
        // CREW-L: 1 in Newark (and 3 in Rotterdam, which does not serve the US); TEE-M: only Reno.
        const { order_id, decision } = await orderTo("Boston", { "CREW-L": 1, "TEE-M": 1 })
        expect(await reservedBySku(getContainer(), order_id)).toEqual({
          "Newark DC": { "CREW-L": 1 },
          "Reno Fulfillment Center": { "TEE-M": 1 },
        })
        expect(decision.plan.shipments).toHaveLength(2)
      })

      it("records a decision a person can read", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const { data } = await api.get(`/admin/oms/orders/${order_id}/routing`, admin)
        expect(data.decision).toEqual(
          expect.objectContaining({ order_id, status: "routed", method: "exact", location_ids: [store.locations.newark] })
        )
        const market = data.decision.trace.steps.find((s: any) => s.kind === "filter" && s.removed?.length)
        expect(market.removed).toEqual(
          expect.arrayContaining([
            { location_id: store.locations.rotterdam, because: expect.stringMatching(/does not serve US/) },
          ])
        )
        expect(data.decision.trace.decision).toMatch(/Newark DC/)
        expect(data.decision.history.entries).toEqual([expect.objectContaining({ action: "routed", actor: "system" })])

        // The decision keeps what the planner saw, so replaying it gives the same plan.
        const seen = data.decision.plan.input
        expect(seen.candidates.map((c: any) => c.id).sort()).toEqual(Object.values(store.locations).sort())
        const replay = planAllocation({ ...seen, rule_set: defaultRuleSet() }, { geocode: geocodeAddress })
        expect(replay.shipments).toEqual(data.decision.plan.shipments)
      })

      it("keeps what checkout reserved when no warehouse serving the market can ship it", async () => {
        // HOOD-XL is only in the UK warehouse, which does not ship to the US.
        const { order_id, decision } = await orderTo("Boston", { "HOOD-XL": 1 })
        expect(decision.status).not.toBe("routed")
        expect(decision.plan.unallocated).toEqual([expect.objectContaining({ quantity: 1 })])
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Midlands Warehouse": { "HOOD-XL": 1 } })
      })

      it("routes a held order when stock arrives at a warehouse serving its market", async () => {
        const { order_id, decision } = await orderTo("Boston", { "HOOD-XL": 1 })
        expect(decision.status).not.toBe("routed")
        const { data: queue } = await api.get("/admin/oms/routing/queue", admin)
        expect(queue.decisions).toEqual(
          expect.arrayContaining([expect.objectContaining({ order_id, display_id: expect.any(Number) })])
        )
        expect([queue.limit, queue.offset]).toEqual([50, 0])
        // Oldest first, a page at a time: the last page holds this newest order.
        const { data: last } = await api.get(`/admin/oms/routing/queue?limit=1&offset=${queue.count - 1}`, admin)
        expect(last.decisions.map((d: any) => d.order_id)).toEqual([order_id])
        expect([last.count, last.limit, last.offset]).toEqual([queue.count, 1, queue.count - 1])
        const bad = await api.get("/admin/oms/routing/queue?limit=500", admin).catch((e: any) => e.response)
        expect([bad.status, bad.data.message]).toEqual([400, "Invalid request: Field 'limit' must be at most 200"])

        // A person books stock in at Newark through the admin, as the inventory page does.
        await api.post(
          `/admin/inventory-items/${store.inventory_items["HOOD-XL"]}/location-levels`,
          { location_id: store.locations.newark, stocked_quantity: 4 },
          admin
        )
        const current = await waitForDecisionStatus(getContainer(), order_id, "routed")
        expect(current.status).toBe("routed")
        expect(current.history.entries.at(-1)).toEqual(expect.objectContaining({ action: "re-routed", actor: "system (stock arrived)" }))
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "HOOD-XL": 1 } })
      })

      it("sends orders elsewhere once a warehouse has used its daily capacity", async () => {
        const routing = getContainer().resolve("oms_routing") as any
        const today = await routing.listRoutingDecisions({}, { take: null })
        const usedAtNewark = today.filter((d: any) => d.location_ids.includes(store.locations.newark)).length
        await api.post(`/admin/oms/locations/${store.locations.newark}`, { daily_capacity: usedAtNewark + 1 }, admin)

        const first = await orderTo("Boston", { "TEE-L": 1 })
        const second = await orderTo("Boston", { "TEE-L": 1 })
        expect(first.decision.location_ids).toEqual([store.locations.newark])
        expect(second.decision.location_ids).toEqual([store.locations.reno])
        const removed = second.decision.trace.steps.flatMap((s: any) => s.removed ?? [])
        expect(removed).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ location_id: store.locations.newark, because: expect.stringMatching(/daily capacity/) }),
          ])
        )
      })

      it("holds back safety stock from routing", async () => {
        // Newark holds 53 TEE-L; with 53 held back it has none to route.
        await api.post(`/admin/oms/locations/${store.locations.newark}`, { safety_stock: 53 }, admin)
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 1 } })
      })

      it("backorders with a backorder rule set, then routes when stock arrives", async () => {
        const { data } = await api.post(
          "/admin/oms/rule-sets",
          {
            name: "Backorder",
            definition: {
              rules: [
                { kind: "filter", type: "serves_market" },
                { kind: "rank", type: "fewest_shipments" },
                { kind: "rank", type: "distance" },
              ],
              split: { type: "allowed" },
              partial: "backorder",
            },
          },
          admin
        )
        await api.post(`/admin/oms/rule-sets/${data.rule_set.id}/activate`, {}, admin)
        const { order_id, decision } = await orderTo("Boston", { "HOOD-XL": 1 })
        expect(decision.status).toBe("backordered")
        expect(decision.plan.unallocated).toEqual([
          expect.objectContaining({ quantity: 1, backorder_location_id: store.locations.newark }),
        ])

        await api.post(
          `/admin/inventory-items/${store.inventory_items["HOOD-XL"]}/location-levels`,
          { location_id: store.locations.newark, stocked_quantity: 2 },
          admin
        )
        const current = await waitForDecisionStatus(getContainer(), order_id, "routed")
        expect(current.status).toBe("routed")
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "HOOD-XL": 1 } })
      })

      it("treats a duplicate order.placed as a no-op", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const before = await reservedBySku(getContainer(), order_id)
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const done = TestEventUtils.waitSubscribersExecution("order.placed", eventBus, { triggerCount: 3 } as any)
        for (let i = 0; i < 3; i++) await eventBus.emit({ name: "order.placed", data: { id: order_id } })
        await done
        const routing = getContainer().resolve("oms_routing") as any
        const decisions = await routing.listRoutingDecisions({ order_id })
        expect(decisions).toHaveLength(1)
        expect(decisions[0].history.entries).toHaveLength(1)
        expect(await reservedBySku(getContainer(), order_id)).toEqual(before)
      })

      it("the recovery sweep routes an order whose order.placed was never routed, and only that one", async () => {
        const since = new Date(Date.now() - 60_000)
        const routing = getContainer().resolve("oms_routing") as any
        const routed = await orderTo("Boston", { "TEE-L": 1 })
        const lost = await orderTo("New York", { "MUG-WHT": 1 })
        const canceled = await orderTo("Boston", { "TEE-S": 1 })
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const cancelDone = TestEventUtils.waitSubscribersExecution("order.canceled", eventBus)
        await api.post(`/admin/orders/${canceled.order_id}/cancel`, {}, admin)
        await cancelDone
        // As if its worker had died before deciding: checkout's reservations, no decision.
        await routing.softDeleteRoutingDecisions([lost.decision.id])
        const reserved = await reservedBySku(getContainer(), lost.order_id)

        const until = new Date()
        const { findUnroutedOrders } = await import("../../src/workflows/routing/utils/unrouted-orders")
        expect(await findUnroutedOrders(getContainer(), since, until)).toEqual([lost.order_id])
        expect(await findUnroutedOrders(getContainer(), since, until, 0)).toEqual([]) // the batch limit holds

        process.env.OMS_ROUTING_SWEEP_AFTER_SECONDS = "0"
        const { default: sweep } = await import("../../src/jobs/route-unrouted-orders")
        await sweep(getContainer()).finally(() => delete process.env.OMS_ROUTING_SWEEP_AFTER_SECONDS)
        const decisions = await routing.listRoutingDecisions({ order_id: [routed.order_id, lost.order_id] })
        expect(decisions.map((d: any) => [d.order_id, d.status]).sort()).toEqual(
          [[routed.order_id, "routed"], [lost.order_id, "routed"]].sort()
        )
        expect(decisions.find((d: any) => d.order_id === routed.order_id).id).toBe(routed.decision.id) // untouched
        expect(await reservedBySku(getContainer(), lost.order_id)).toEqual(reserved) // reserved once, not twice
        expect(await findUnroutedOrders(getContainer(), since, new Date())).toEqual([])
      })

      it("never reserves more than a warehouse holds when 20 orders race for the last 5 units", async () => {
        await setStock("CAP-BLU", { newark: 3, reno: 2 })
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            placeOrder(getContainer(), {
              region_id: store.regions.usd,
              sales_channel_id: store.sales_channel_id,
              email: `race${i}@example.com`,
              address: at(i % 2 ? "Boston" : "Seattle"),
              items: [{ variant_id: store.variants["CAP-BLU"], quantity: 1 }],
            })
          )
        )
        const placed = results.filter((r) => r.status === "fulfilled").map((r: any) => r.value.order_id)
        expect(placed.length).toBeLessThanOrEqual(5)
        expect(placed.length).toBeGreaterThan(0)
        await waitForDecisions(getContainer(), placed)

        const inventory = getContainer().resolve(Modules.INVENTORY)
        const levels = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["CAP-BLU"] })
        for (const level of levels) expect(Number(level.reserved_quantity)).toBeLessThanOrEqual(Number(level.stocked_quantity))
        const reserved = levels.reduce((sum, l) => sum + Number(l.reserved_quantity), 0)
        expect(reserved).toBe(placed.length)
        const reservations = await inventory.listReservationItems({ inventory_item_id: store.inventory_items["CAP-BLU"] })
        expect(reservations.reduce((s, r) => s + Number(r.quantity), 0)).toBe(placed.length)
      })

      it("re-routes on request after a warehouse is paused, and keeps the history", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 2 })
        await api.post(`/admin/oms/locations/${store.locations.newark}`, { active: false }, admin)
        const { data } = await api.post(`/admin/oms/orders/${order_id}/route`, {}, admin)
        expect(data.decision.location_ids).toEqual([store.locations.reno])
        expect(data.decision.history.entries.map((e: any) => e.action)).toEqual(["routed", "re-routed"])
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 2 } })
      })

      it("closes the decision when the order is canceled", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const canceled = TestEventUtils.waitSubscribersExecution("order.canceled", eventBus)
        await api.post(`/admin/orders/${order_id}/cancel`, {}, admin)
        await canceled
        const { data } = await api.get(`/admin/oms/orders/${order_id}/routing`, admin)
        expect(data.decision.status).toBe("canceled")
        expect(await reservedBySku(getContainer(), order_id)).toEqual({})

        // Routing a canceled order again is a state conflict (409, was 400), with the reason kept.
        const again = await api.post(`/admin/oms/orders/${order_id}/route`, {}, admin).catch((e: any) => e.response)
        expect([again.status, again.data.type, again.data.message]).toEqual([
          409,
          "conflict",
          `Order ${order_id} cannot be routed: order is canceled`,
        ])
      })

      it("refuses the admin's Create Fulfillment at a location the order is not reserved at", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 2 })
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const before = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["TEE-L"] })
        const { data: o } = await api.get(`/admin/orders/${order_id}?fields=*items`, admin)
        const res = await api
          .post(
            `/admin/orders/${order_id}/fulfillments`,
            { location_id: store.locations.reno, items: [{ id: o.order.items[0].id, quantity: 2 }] },
            admin
          )
          .catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/is reserved at Newark DC, not at Reno Fulfillment Center/)
        const after = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["TEE-L"] })
        expect(after.map((l) => [l.location_id, l.stocked_quantity, l.reserved_quantity]).sort()).toEqual(
          before.map((l) => [l.location_id, l.stocked_quantity, l.reserved_quantity]).sort()
        )
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "TEE-L": 2 } })
      })

      it("fulfils at the routed location and takes the stock there only", async () => {
        const { order_id } = await orderTo("Los Angeles", { "TEE-L": 2 })
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const level = async (key: string) =>
          (await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["TEE-L"], location_id: store.locations[key] }))[0]
        const [renoBefore, newarkBefore] = [await level("reno"), await level("newark")]
        const { data: o } = await api.get(`/admin/orders/${order_id}?fields=*items`, admin)
        const { data } = await api.post(
          `/admin/orders/${order_id}/fulfillments`,
          { location_id: store.locations.reno, items: [{ id: o.order.items[0].id, quantity: 2 }] },
          admin
        )
        expect(data.order.id).toBe(order_id)
        const [renoAfter, newarkAfter] = [await level("reno"), await level("newark")]
        expect(Number(renoAfter.stocked_quantity)).toBe(Number(renoBefore.stocked_quantity) - 2)
        expect(Number(renoAfter.reserved_quantity)).toBe(Number(renoBefore.reserved_quantity) - 2)
        expect([newarkAfter.stocked_quantity, newarkAfter.reserved_quantity]).toEqual([
          newarkBefore.stocked_quantity,
          newarkBefore.reserved_quantity,
        ])
        expect(await reservedBySku(getContainer(), order_id)).toEqual({})
      })

      it("answers 404 for the routing of an order that does not exist", async () => {
        const get = await api.get("/admin/oms/orders/order_missing/routing", admin).catch((e: any) => e.response)
        expect(get.status).toBe(404)
        const post = await api.post("/admin/oms/orders/order_missing/route", {}, admin).catch((e: any) => e.response)
        expect(post.status).toBe(404)
      })
    })

    describe("rule sets", () => {
      const noNewark = (condition?: unknown) => ({
        rules: [
          { kind: "filter", type: "serves_market" },
          {
            kind: "filter",
            type: "exclude_locations",
            params: { location_ids: [store.locations.newark] },
            ...(condition ? { condition } : {}),
          },
          { kind: "rank", type: "fewest_shipments" },
          { kind: "rank", type: "distance" },
        ],
        split: { type: "allowed" },
        partial: "split",
      })

      it.each([
        [{ name: "x", definition: { rules: [{ kind: "rank", type: "nearest" }], split: { type: "allowed" }, partial: "split" } }, /type/],
        [{ name: "x", definition: { rules: [], split: { type: "max_shipments", max: 0 }, partial: "split" } }, /max/],
        [{ name: "x", definition: { rules: [], split: { type: "allowed" }, partial: "wait" } }, /partial/],
        [{ name: "", definition: { rules: [], split: { type: "allowed" }, partial: "split" } }, /name/],
        [{ name: "x", definition: { rules: [{ kind: "filter", type: "exclude_locations" }], split: { type: "allowed" }, partial: "split" } }, /Field 'definition\.rules\.0\.params\.location_ids': list at least one location id/],
      ])("refuses bad rule input %j with a 400 naming the field", async (body, message) => {
        const res = await api.post("/admin/oms/rule-sets", body, admin).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
        const { data } = await api.get("/admin/oms/rule-sets", admin)
        expect(data.count).toBe(0)
      })

      it.each([
        [
          "an unknown split type",
          { rules: [], split: { type: "sometimes" }, partial: "split" },
          "Field 'definition.split.type' must be one of: none, allowed, max_shipments, min_shipment_value (got 'sometimes')",
        ],
        [
          "an unknown rule type (present, just not allowed)",
          { rules: [{ kind: "filter", type: "nearest" }], split: { type: "allowed" }, partial: "split" },
          "Field 'definition.rules.0.type' must be one of: active, serves_market, capacity, safety_stock, include_locations, exclude_locations (got 'nearest')",
        ],
        [
          "a rule without its kind",
          { rules: [{ type: "distance" }], split: { type: "allowed" }, partial: "split" },
          "Field 'definition.rules.0.kind' is required; must be one of: filter, rank",
        ],
        [
          "an unknown condition type inside a rule",
          {
            rules: [{ kind: "rank", type: "distance", condition: { type: "weather", in: ["rain"] } }],
            split: { type: "allowed" },
            partial: "split",
          },
          /^Field 'definition\.rules\.0\.condition\.type' must be one of: country, .+, all, any, not \(got 'weather'\)$/,
        ],
        [
          "an empty condition list",
          { rules: [{ kind: "rank", type: "distance", condition: { type: "country", in: [] } }], split: { type: "allowed" }, partial: "split" },
          "Field 'definition.rules.0.condition.in': list at least one value",
        ],
        [
          "an unknown partial policy",
          { rules: [], split: { type: "allowed" }, partial: "wait" },
          "Field 'definition.partial' must be one of: split, hold, backorder (got 'wait')",
        ],
      ])("answers %s with a sentence naming the field and what is allowed", async (_, definition, sentence) => {
        const res = await api.post("/admin/oms/rule-sets", { name: "x", definition }, admin).catch((e: any) => e.response)
        expect([res.status, res.data.type]).toEqual([400, "invalid_data"])
        const prefix = "Invalid request: "
        expect(res.data.message.startsWith(prefix)).toBe(true)
        const said = res.data.message.slice(prefix.length)
        if (typeof sentence === "string") expect(said).toBe(sentence)
        else expect(said).toMatch(sentence)
      })

      it("pages the versions newest first with limit and offset", async () => {
        for (const name of ["First", "Second", "Third"]) {
          await api.post("/admin/oms/rule-sets", { name, definition: noNewark() }, admin)
        }
        const { data: all } = await api.get("/admin/oms/rule-sets", admin)
        expect([all.count, all.limit, all.offset]).toEqual([3, 50, 0])
        expect(all.rule_sets.map((s: any) => s.name)).toEqual(["Third", "Second", "First"])
        const { data: page } = await api.get("/admin/oms/rule-sets?limit=1&offset=1", admin)
        expect(page.rule_sets.map((s: any) => s.name)).toEqual(["Second"])
        expect([page.count, page.limit, page.offset]).toEqual([3, 1, 1])
      })

      it("routes with the active rule set and names it in the decision", async () => {
        const { data: created } = await api.post("/admin/oms/rule-sets", { name: "No Newark", definition: noNewark() }, admin)
        expect(created.rule_set).toEqual(expect.objectContaining({ status: "draft", version: 1 }))
        await api.post(`/admin/oms/rule-sets/${created.rule_set.id}/activate`, {}, admin)
        const { order_id, decision } = await orderTo("Boston", { "TEE-L": 1 })
        expect(decision.rule_set).toBe("No Newark v1")
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 1 } })
      })

      it("applies a rule only when its condition holds for the order", async () => {
        const { data } = await api.post(
          "/admin/oms/rule-sets",
          { name: "West coast ZIPs avoid Newark", definition: noNewark({ type: "postal_prefix", in: ["9"] }) },
          admin
        )
        await api.post(`/admin/oms/rule-sets/${data.rule_set.id}/activate`, {}, admin)
        const boston = await orderTo("Boston", { "TEE-L": 1 })
        expect(await reservedBySku(getContainer(), boston.order_id)).toEqual({ "Newark DC": { "TEE-L": 1 } })
        const step = boston.decision.trace.steps.find((s: any) => s.rule.match(/exclude|Exclude/))
        expect(step.applied).toBe(false)
      })

      it("applies a customer-group condition to a registered customer's order", async () => {
        const customers = getContainer().resolve(Modules.CUSTOMER)
        const group = await customers.createCustomerGroups({ name: "Wholesale" })
        const buyer = await customers.createCustomers({ email: "buyer@wholesale.example", first_name: "Wes" })
        await customers.addCustomerToGroup({ customer_id: buyer.id, customer_group_id: group.id })
        const { data } = await api.post(
          "/admin/oms/rule-sets",
          { name: "Wholesale ships west", definition: noNewark({ type: "customer_group", any_of: [group.id] }) },
          admin
        )
        await api.post(`/admin/oms/rule-sets/${data.rule_set.id}/activate`, {}, admin)

        const { order_id } = await placeOrder(getContainer(), {
          region_id: store.regions.usd,
          sales_channel_id: store.sales_channel_id,
          email: buyer.email,
          customer_id: buyer.id,
          address: at("Boston"),
          items: [{ variant_id: store.variants["TEE-L"], quantity: 1 }],
        })
        await waitForDecisions(getContainer(), [order_id])
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 1 } })
        const guest = await orderTo("Boston", { "TEE-L": 1 })
        expect(await reservedBySku(getContainer(), guest.order_id)).toEqual({ "Newark DC": { "TEE-L": 1 } })
      })

      it("applies a region condition to the order's Medusa region", async () => {
        const { data } = await api.post(
          "/admin/oms/rule-sets",
          { name: "USD region avoids Newark", definition: noNewark({ type: "region", in: [store.regions.usd] }) },
          admin
        )
        await api.post(`/admin/oms/rule-sets/${data.rule_set.id}/activate`, {}, admin)
        const boston = await orderTo("Boston", { "TEE-L": 1 })
        expect(await reservedBySku(getContainer(), boston.order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 1 } })
        const step = boston.decision.trace.steps.find((s: any) => s.rule.match(/exclude|Exclude/))
        expect(step.applied).toBe(true)
        // give Reno its unit back: the tests below count on its stock as they left it
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const canceled = TestEventUtils.waitSubscribersExecution("order.canceled", eventBus)
        await api.post(`/admin/orders/${boston.order_id}/cancel`, {}, admin)
        await canceled
        expect(await reservedBySku(getContainer(), boston.order_id)).toEqual({})
      })

      it("keeps one active version: activating another archives it; only drafts change", async () => {
        const { data: v1 } = await api.post("/admin/oms/rule-sets", { name: "Main", definition: noNewark() }, admin)
        await api.post(`/admin/oms/rule-sets/${v1.rule_set.id}/activate`, {}, admin)
        const edit = await api
          .post(`/admin/oms/rule-sets/${v1.rule_set.id}`, { definition: noNewark() }, admin)
          .catch((e: any) => e.response)
        // A state conflict: 409 (was 400), the sentence kept.
        expect([edit.status, edit.data.type]).toEqual([409, "conflict"])
        expect(edit.data.message).toMatch(/"Main" v1 is active; only drafts can be changed/)

        const { data: v2 } = await api.post(`/admin/oms/rule-sets/${v1.rule_set.id}/duplicate`, {}, admin)
        expect(v2.rule_set).toEqual(expect.objectContaining({ name: "Main", version: 2, status: "draft" }))
        await api.post(`/admin/oms/rule-sets/${v2.rule_set.id}`, { definition: { ...noNewark(), split: { type: "none" } } }, admin)
        await Promise.all([
          api.post(`/admin/oms/rule-sets/${v2.rule_set.id}/activate`, {}, admin),
          api.post(`/admin/oms/rule-sets/${v2.rule_set.id}/activate`, {}, admin),
        ])
        const { data: all } = await api.get("/admin/oms/rule-sets", admin)
        const statuses = Object.fromEntries(all.rule_sets.map((s: any) => [`v${s.version}`, s.status]))
        expect(statuses).toEqual({ v1: "archived", v2: "active" })

        // An archived version is history: activating it again is refused (409), nothing changes.
        const again = await api.post(`/admin/oms/rule-sets/${v1.rule_set.id}/activate`, {}, admin).catch((e: any) => e.response)
        expect([again.status, again.data.type, again.data.message]).toEqual([
          409,
          "conflict",
          `Rule set "Main" v1 is archived; it cannot be activated again. Duplicate it to make a new draft.`,
        ])
        const { data: after } = await api.get("/admin/oms/rule-sets", admin)
        expect(Object.fromEntries(after.rule_sets.map((s: any) => [`v${s.version}`, s.status]))).toEqual({ v1: "archived", v2: "active" })
        const missing = await api.post("/admin/oms/rule-sets/orset_missing/activate", {}, admin).catch((e: any) => e.response)
        expect(missing.status).toBe(404)
      })
    })

    describe("rejection and move", () => {
      async function lineOf(orderId: string) {
        const { data } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
        return data.order.items[0].id as string
      }

      it("re-routes without a location that rejects a line, and lowers its stock for missing units", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 2 })
        const line = await lineOf(order_id)
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const [before] = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["TEE-L"], location_id: store.locations.newark })
        const { data } = await api.post(
          `/admin/oms/orders/${order_id}/reject`,
          { location_id: store.locations.newark, reason: "not_in_stock", items: [{ line_item_id: line, quantity: 2 }] },
          admin
        )
        expect(data.decision.location_ids).toEqual([store.locations.reno])
        expect(data.decision.history.entries.at(-1)).toEqual(
          expect.objectContaining({ action: "rejected", summary: expect.stringMatching(/Newark DC rejected 2 unit\(s\) \(not in stock\)/) })
        )
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 2 } })
        const [after] = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["TEE-L"], location_id: store.locations.newark })
        expect(Number(after.stocked_quantity)).toBe(Number(before.stocked_quantity) - 2)

        // A later re-route does not send it back to the location that rejected it.
        const { data: again } = await api.post(`/admin/oms/orders/${order_id}/route`, {}, admin)
        expect(again.decision.location_ids).toEqual([store.locations.reno])
      })

      it("keeps stock as it is when a location rejects for lack of capacity", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const line = await lineOf(order_id)
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const [before] = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["TEE-L"], location_id: store.locations.newark })
        await api.post(
          `/admin/oms/orders/${order_id}/reject`,
          { location_id: store.locations.newark, reason: "no_capacity", items: [{ line_item_id: line, quantity: 1 }] },
          admin
        )
        const [after] = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items["TEE-L"], location_id: store.locations.newark })
        expect(after.stocked_quantity).toEqual(before.stocked_quantity)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 1 } })
      })

      it.each([
        [{ reason: "lost" }, /reason/],
        [{ items: [] }, /items/],
        [{ location_id: undefined }, /location_id/],
      ])("refuses a bad rejection %j with a 400 naming the field", async (patch, message) => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const line = await lineOf(order_id)
        const body: any = { location_id: store.locations.newark, reason: "damaged", items: [{ line_item_id: line, quantity: 1 }], ...patch }
        const res = await api.post(`/admin/oms/orders/${order_id}/reject`, body, admin).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      })

      it("answers a rejection naming an unknown location with a 400 (bad input), not a 404", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const line = await lineOf(order_id)
        const res = await api
          .post(`/admin/oms/orders/${order_id}/reject`, { location_id: "sloc_missing", reason: "damaged", items: [{ line_item_id: line, quantity: 1 }] }, admin)
          .catch((e: any) => e.response)
        expect([res.status, res.data.type, res.data.message]).toEqual([400, "invalid_data", "Stock location with id: sloc_missing was not found"])
        const reason = await api
          .post(`/admin/oms/orders/${order_id}/reject`, { location_id: store.locations.newark, reason: "lost", items: [{ line_item_id: line, quantity: 1 }] }, admin)
          .catch((e: any) => e.response)
        expect(reason.data.message).toBe("Invalid request: Field 'reason' must be one of: not_in_stock, damaged, no_capacity (got 'lost')")
      })

      it("refuses a rejection by a location that does not hold the line", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const line = await lineOf(order_id)
        const res = await api
          .post(`/admin/oms/orders/${order_id}/reject`, { location_id: store.locations.reno, reason: "damaged", items: [{ line_item_id: line, quantity: 1 }] }, admin)
          .catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/not reserved at Reno Fulfillment Center/)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "TEE-L": 1 } })
      })

      it("moves lines by hand when the target has the stock, and refuses when it has not", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 2 })
        const line = await lineOf(order_id)
        const { data } = await api.post(
          `/admin/oms/orders/${order_id}/move`,
          { to_location_id: store.locations.reno, items: [{ line_item_id: line, quantity: 1 }] },
          admin
        )
        expect(await reservedBySku(getContainer(), order_id)).toEqual({
          "Newark DC": { "TEE-L": 1 },
          "Reno Fulfillment Center": { "TEE-L": 1 },
        })
        expect(data.decision.history.entries.at(-1)).toEqual(expect.objectContaining({ action: "moved" }))
        expect([...data.decision.location_ids].sort()).toEqual([store.locations.newark, store.locations.reno].sort())
        // The decision says what the person made: two shipments, one unit each, by hand.
        expect(data.decision).toEqual(expect.objectContaining({ status: "routed", method: "manual" }))
        expect(
          data.decision.plan.shipments.map((s: any) => [s.location_name, s.lines.reduce((n: number, l: any) => n + l.quantity, 0)]).sort()
        ).toEqual([
          ["Newark DC", 1],
          ["Reno Fulfillment Center", 1],
        ])
        expect(data.decision.plan.unallocated).toEqual([])

        await setStock("TEE-L", { newark: 53, reno: 1 }) // Reno now holds just the unit it reserved
        const refused = await api
          .post(`/admin/oms/orders/${order_id}/move`, { to_location_id: store.locations.reno, items: [{ line_item_id: line }] }, admin)
          .catch((e: any) => e.response)
        // The target's stock refuses it now: a state conflict, 409 (was 400), the sentence kept.
        expect([refused.status, refused.data.type]).toEqual([409, "conflict"])
        expect(refused.data.message).toMatch(/to_location_id: the location has 0 unit\(s\) free/)
        const unknown = await api
          .post(`/admin/oms/orders/${order_id}/move`, { to_location_id: "sloc_missing", items: [{ line_item_id: line }] }, admin)
          .catch((e: any) => e.response)
        // An unknown location in the body is bad input: 400 (was 404).
        expect([unknown.status, unknown.data.message]).toEqual([400, "to_location_id: stock location sloc_missing was not found"])
        expect(await reservedBySku(getContainer(), order_id)).toEqual({
          "Newark DC": { "TEE-L": 1 },
          "Reno Fulfillment Center": { "TEE-L": 1 },
        })
      })

      it("a held order moved by hand is routed from where it was moved to", async () => {
        const pause = (id: string, active: boolean) => api.post(`/admin/oms/locations/${id}`, { active }, admin)
        await pause(store.locations.newark, false)
        await pause(store.locations.reno, false)
        try {
          const { order_id, decision } = await orderTo("Boston", { "TEE-L": 1 })
          expect(decision.status).toBe("held")
          const line = await lineOf(order_id)
          const { data } = await api.post(
            `/admin/oms/orders/${order_id}/move`,
            { to_location_id: store.locations.reno, items: [{ line_item_id: line }] },
            admin
          )
          expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 1 } })
          expect(data.decision).toEqual(expect.objectContaining({ status: "routed", method: "manual", location_ids: [store.locations.reno] }))
          expect(data.decision.plan.shipments).toEqual([
            expect.objectContaining({ location_name: "Reno Fulfillment Center", lines: [expect.objectContaining({ quantity: 1 })] }),
          ])
          expect(data.decision.plan.shipments[0].distance_km).toBeGreaterThan(3000)
          const { data: queue } = await api.get("/admin/oms/routing/queue", admin)
          expect(JSON.stringify(queue)).not.toContain(order_id)
        } finally {
          await pause(store.locations.newark, true)
          await pause(store.locations.reno, true)
        }
      })
    })
  },
})

import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { demoAddress, demoRegion } from "../helpers/orders"
import { reservedBySku, waitForDecisions } from "../helpers/routing"
import { checkoutViaStoreApi } from "../helpers/storefront"

jest.setTimeout(240_000)

const at = demoAddress

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    const regionFor = (city: string) => demoRegion(store, city)

    /** A shopper's checkout through the store API (our split-aware completion), then routed. */
    async function orderTo(city: string, items: Record<string, number>) {
      const res = await checkoutViaStoreApi(api, {
        publishableKey: store.publishable_key,
        regionId: regionFor(city),
        address: at(city),
        items: Object.entries(items).map(([sku, quantity]) => ({ variant_id: store.variants[sku], quantity })),
      })
      expect(res.type).toBe("order")
      const [decision] = await waitForDecisions(getContainer(), [res.order.id])
      const { data } = await api.get(`/admin/orders/${res.order.id}?fields=*items`, admin)
      const line = (sku: string) => data.order.items.find((i: any) => i.variant_sku === sku).id as string
      return { order_id: res.order.id as string, decision, line }
    }

    /** TEE-L's [stocked, reserved] at every location ("none" where it has no level). */
    async function levels(sku = "TEE-L") {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const found = await inventory.listInventoryLevels({ inventory_item_id: store.inventory_items[sku] }, { take: null })
      return Object.fromEntries(
        Object.entries(store.locations).map(([key, id]) => {
          const level = found.find((l) => l.location_id === id)
          return [key, level ? [Number(level.stocked_quantity), Number(level.reserved_quantity)] : "none"]
        })
      ) as Record<string, [number, number] | "none">
    }

    /** The levels expected after some units left each location (stock and reservation both drop). */
    function minus(before: Record<string, [number, number] | "none">, taken: Record<string, number>) {
      return Object.fromEntries(
        Object.entries(before).map(([key, level]) =>
          level === "none" ? [key, level] : [key, [level[0] - (taken[key] ?? 0), level[1] - (taken[key] ?? 0)]]
        )
      )
    }

    const fulfil = (orderId: string, location: string, items: { id: string; quantity: number }[]) =>
      api
        .post(`/admin/orders/${orderId}/fulfillments`, { location_id: store.locations[location], items }, admin)
        .catch((e: any) => e.response)

    async function fulfillments(orderId: string) {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=fulfillment_status,*items,*fulfillments,*fulfillments.items`,
        admin
      )
      return data.order as { fulfillment_status: string; fulfillments: any[]; items: any[] }
    }

    /** TEE-L × 60 to Boston: Newark holds 53, Reno 7 (no single location has 60). */
    async function splitOrder() {
      const order = await orderTo("Boston", { "TEE-L": 60 })
      expect(await reservedBySku(getContainer(), order.order_id)).toEqual({
        "Newark DC": { "TEE-L": 53 },
        "Reno Fulfillment Center": { "TEE-L": 7 },
      })
      return order
    }

    describe("a line split across two locations", () => {
      it("fulfils 53 at Newark, then 7 at Reno, taking each location's own units", async () => {
        const before = await levels()
        const { order_id, line } = await splitOrder()
        const placed = await levels()

        const first = await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 53 }])
        expect(first.status).toBe(200)
        expect(first.data.order.id).toBe(order_id)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 7 } })
        expect(await levels()).toEqual(minus(placed, { newark: 53 }))
        const half = await fulfillments(order_id)
        expect(Number(half.items[0].detail.fulfilled_quantity)).toBe(53)
        expect(half.fulfillment_status).toBe("partially_fulfilled")
        // The order's page lists the shipped units as fulfilled, not as missing a reservation.
        const { data: held } = await api.get(`/admin/oms/orders/${order_id}/reservations`, admin)
        expect(held.fulfilled.map((l: any) => [l.sku, l.quantity])).toEqual([["TEE-L", 53]])
        expect(held.unreserved).toEqual([])
        expect(held.locations.map((l: any) => [l.name, l.units])).toEqual([["Reno Fulfillment Center", 7]])
        await new Promise((r) => setTimeout(r, 500)) // the fulfillment event has been handled by now
        const [partly] = await (getContainer().resolve("oms_routing") as any).listRoutingDecisions({ order_id })
        expect(partly.fulfilled_at).toBeNull() // 7 units still to ship

        const second = await fulfil(order_id, "reno", [{ id: line("TEE-L"), quantity: 7 }])
        expect(second.status).toBe(200)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({})
        const after = await levels()
        expect(after).toEqual(minus(placed, { newark: 53, reno: 7 }))
        // Against the levels before the order: stock dropped by what shipped, reservations are back.
        expect(after.newark).toEqual([(before.newark as number[])[0] - 53, (before.newark as number[])[1]])
        expect(after.reno).toEqual([(before.reno as number[])[0] - 7, (before.reno as number[])[1]])
        expect([after.rotterdam, after.coleshill]).toEqual([before.rotterdam, before.coleshill])
        expect((await fulfillments(order_id)).fulfillment_status).toBe("fulfilled")

        // Wholly fulfilled: the decision is settled, so picking no longer reads it.
        const routing = getContainer().resolve("oms_routing") as any
        const until = Date.now() + 30_000
        let decision: any
        do {
          ;[decision] = await routing.listRoutingDecisions({ order_id })
          if (decision.fulfilled_at) break
          await new Promise((r) => setTimeout(r, 100))
        } while (Date.now() < until)
        expect(decision.fulfilled_at).not.toBeNull()
      })

      it("fulfils 7 at Reno first, then 53 at Newark, with the same result", async () => {
        const before = await levels()
        const { order_id, line } = await splitOrder()
        const placed = await levels()

        expect((await fulfil(order_id, "reno", [{ id: line("TEE-L"), quantity: 7 }])).status).toBe(200)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "TEE-L": 53 } })
        expect(await levels()).toEqual(minus(placed, { reno: 7 }))

        expect((await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 53 }])).status).toBe(200)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({})
        const after = await levels()
        expect(after).toEqual(minus(placed, { newark: 53, reno: 7 }))
        expect(after.newark).toEqual([(before.newark as number[])[0] - 53, (before.newark as number[])[1]])
        expect(after.reno).toEqual([(before.reno as number[])[0] - 7, (before.reno as number[])[1]])
        expect([after.rotterdam, after.coleshill]).toEqual([before.rotterdam, before.coleshill])
        expect((await fulfillments(order_id)).fulfillment_status).toBe("fulfilled")
      })

      it("refuses 10 at Reno, where only 7 are reserved, and changes nothing", async () => {
        const { order_id, line } = await splitOrder()
        const placed = await levels()
        const res = await fulfil(order_id, "reno", [{ id: line("TEE-L"), quantity: 10 }])
        expect(res.status).toBe(400)
        expect(res.data.type).toBe("not_allowed")
        expect(res.data.message).toMatch(/^Order #\d+: "[^"]+" \(TEE-L\) has 7 units reserved at Reno Fulfillment Center/)
        expect(res.data.message).toMatch(/10 units were asked/)
        expect(res.data.message).toMatch(/53 units at Newark DC/)
        expect(await levels()).toEqual(placed)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({
          "Newark DC": { "TEE-L": 53 },
          "Reno Fulfillment Center": { "TEE-L": 7 },
        })
        const after = await fulfillments(order_id)
        expect(after.fulfillments).toEqual([])
        expect(after.fulfillment_status).toBe("not_fulfilled")
      })

      it("refuses a location the line is not reserved at, and changes nothing", async () => {
        const { order_id, line } = await splitOrder()
        const placed = await levels()
        const res = await fulfil(order_id, "rotterdam", [{ id: line("TEE-L"), quantity: 5 }])
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(
          /^Order #\d+: "[^"]+" \(TEE-L\) is reserved at Newark DC and Reno Fulfillment Center, not at Rotterdam Hub\. /
        )
        expect(await levels()).toEqual(placed)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({
          "Newark DC": { "TEE-L": 53 },
          "Reno Fulfillment Center": { "TEE-L": 7 },
        })
        expect((await fulfillments(order_id)).fulfillments).toEqual([])
      })

      it("creates one fulfillment per location with the line's units from there", async () => {
        const { order_id, line } = await splitOrder()
        await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 53 }])
        await fulfil(order_id, "reno", [{ id: line("TEE-L"), quantity: 7 }])
        const { fulfillments: created } = await fulfillments(order_id)
        const byLocation = Object.fromEntries(
          created.map((f) => [
            f.location_id,
            f.items.map((i: any) => ({
              line_item_id: i.line_item_id,
              inventory_item_id: i.inventory_item_id,
              quantity: Number(i.quantity),
            })),
          ])
        )
        const unit = { line_item_id: line("TEE-L"), inventory_item_id: store.inventory_items["TEE-L"] }
        expect(byLocation).toEqual({
          [store.locations.newark]: [{ ...unit, quantity: 53 }],
          [store.locations.reno]: [{ ...unit, quantity: 7 }],
        })
      })

      it("answers two identical requests at once with one fulfillment, and takes the stock once", async () => {
        const { order_id, line } = await splitOrder()
        const placed = await levels()
        const results = await Promise.all([
          fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 53 }]),
          fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 53 }]),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([200, 400])
        expect(results.find((r) => r.status === 400)!.data.message).toMatch(/not at Newark DC|no units reserved/)
        expect(await levels()).toEqual(minus(placed, { newark: 53 }))
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 7 } })
        const { fulfillments: created } = await fulfillments(order_id)
        expect(created).toHaveLength(1)
        expect(Number(created[0].items[0].quantity)).toBe(53)
      })
    })

    describe("undoing", () => {
      it("puts stock, reservations and the order back when a later step fails", async () => {
        // A stray reservation lets the plan pass; Medusa's order module then refuses to fulfil
        // more than was ordered, after the fulfillment, stock and reservations were changed.
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 2 })
        expect((await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 2 }])).status).toBe(200)
        const inventory = getContainer().resolve(Modules.INVENTORY)
        await inventory.createReservationItems([
          {
            line_item_id: line("TEE-L"),
            inventory_item_id: store.inventory_items["TEE-L"],
            location_id: store.locations.newark,
            quantity: 2,
          },
        ])
        const before = await levels()
        const res = await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 2 }])
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/Cannot fulfill more items than what was ordered/)
        expect(await levels()).toEqual(before)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "TEE-L": 2 } })
        const after = await fulfillments(order_id)
        expect(after.fulfillments).toHaveLength(1)
        expect(Number(after.items[0].detail.fulfilled_quantity)).toBe(2)
        // The order's lock was released on the way out: another request is answered at once.
        const started = Date.now()
        expect((await fulfil(order_id, "reno", [{ id: line("TEE-L"), quantity: 1 }])).status).toBe(400)
        expect(Date.now() - started).toBeLessThan(10_000)
      })
    })

    describe("a line at one location", () => {
      it("fulfils like Medusa: stock and reservation drop at the routed location only", async () => {
        const { order_id, decision, line } = await orderTo("Boston", { "TEE-L": 2 })
        expect(decision.location_ids).toEqual([store.locations.newark])
        const placed = await levels()
        const res = await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 2 }])
        expect(res.status).toBe(200)
        expect(res.data.order.id).toBe(order_id)
        expect(await levels()).toEqual(minus(placed, { newark: 2 }))
        expect(await reservedBySku(getContainer(), order_id)).toEqual({})
        const after = await fulfillments(order_id)
        expect(after.fulfillment_status).toBe("fulfilled")
        expect(after.fulfillments).toHaveLength(1)
        expect(after.fulfillments[0].location_id).toBe(decision.location_ids[0])
        expect(after.fulfillments[0].items).toEqual([
          expect.objectContaining({
            line_item_id: line("TEE-L"),
            inventory_item_id: store.inventory_items["TEE-L"],
            quantity: 2,
            sku: "TEE-L",
          }),
        ])
      })

      it("refuses a second fulfillment of what is already fulfilled", async () => {
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 2 })
        expect((await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 2 }])).status).toBe(200)
        const placed = await levels()
        const again = await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 2 }])
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/has no units reserved anywhere/)
        expect(await levels()).toEqual(placed)
        expect((await fulfillments(order_id)).fulfillments).toHaveLength(1)
      })

      it("refuses a location the order is not reserved at", async () => {
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 2 })
        const placed = await levels()
        const res = await fulfil(order_id, "reno", [{ id: line("TEE-L"), quantity: 2 }])
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/is reserved at Newark DC, not at Reno Fulfillment Center/)
        expect(await levels()).toEqual(placed)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "TEE-L": 2 } })
      })
    })
  },
})

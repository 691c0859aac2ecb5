import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { demoAddress, demoRegion } from "../helpers/orders"
import { reservedBySku, waitForDecisions } from "../helpers/routing"
import { checkoutViaStoreApi } from "../helpers/storefront"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

const at = demoAddress

/** Medusa's error contract: status, type, and Medusa's sentence first (our explanation may follow). */
function expectMedusaError(res: any, sentence: string, type = "invalid_data", status = 400) {
  expect(res.status).toBe(status)
  expect(res.data.type).toBe(type)
  const escaped = sentence.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  expect(res.data.message).toMatch(new RegExp(`^${escaped}(\\. |$)`))
}

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    /** Products made here for Medusa's own cases: a kit, a line that takes 3 of an item, a print-at-home line. */
    let extra: { variants: Record<string, string>; inventory_items: Record<string, string>; other_option: string; other_profile: string }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
      extra = await createFixtures(await adminHeaders(getContainer(), api))
    })

    /** Inventory items with stock at Newark, and products made of them, sold on the Webshop. */
    async function createFixtures(headers: { headers: Record<string, string> }) {
      const item = async (sku: string, stocked: number, requires_shipping = true) => {
        const { data } = await api.post("/admin/inventory-items", { sku, title: sku, requires_shipping }, headers)
        await api.post(
          `/admin/inventory-items/${data.inventory_item.id}/location-levels`,
          { location_id: store.locations.newark, stocked_quantity: stocked },
          headers
        )
        return data.inventory_item.id as string
      }
      const inventory_items = {
        "OMS-DESK-TOP": await item("OMS-DESK-TOP", 10),
        "OMS-DESK-LEG": await item("OMS-DESK-LEG", 40),
        "OMS-BOLT": await item("OMS-BOLT", 30),
        "OMS-EGIFT": await item("OMS-EGIFT", 10, false),
      }
      // A product with a shipping profile ships; the e-gift card has none (as upstream's fixture 2).
      const product = async (title: string, sku: string, parts: Record<string, number>, ships = true) => {
        const { data } = await api.post(
          "/admin/products",
          {
            title,
            status: "published",
            ...(ships ? { shipping_profile_id: store.shipping_profile_id } : {}),
            sales_channels: [{ id: store.sales_channel_id }],
            options: [{ title: "Size", values: ["One"] }],
            variants: [
              {
                title: "One",
                sku,
                manage_inventory: true,
                options: { Size: "One" },
                prices: [{ currency_code: "usd", amount: 100 }],
                inventory_items: Object.entries(parts).map(([part, required_quantity]) => ({
                  inventory_item_id: inventory_items[part as keyof typeof inventory_items],
                  required_quantity,
                })),
              },
            ],
          },
          headers
        )
        return data.product.variants[0].id as string
      }
      const variants = {
        "OMS-DESK-KIT": await product("Desk kit", "OMS-DESK-KIT", { "OMS-DESK-LEG": 4, "OMS-DESK-TOP": 1 }),
        "OMS-BOLT-3": await product("Bolts, pack of 3", "OMS-BOLT-3", { "OMS-BOLT": 3 }),
        "OMS-EGIFT": await product("E-gift card", "OMS-EGIFT", { "OMS-EGIFT": 1 }, false),
      }
      // A second shipping profile with an option at Newark: lines of the demo profile do not ship with it.
      const { data: profile } = await api.post("/admin/shipping-profiles", { name: "Oversized", type: "oversized" }, headers)
      const { data: newark } = await api.get(
        `/admin/stock-locations/${store.locations.newark}?fields=*fulfillment_sets,*fulfillment_sets.service_zones`,
        headers
      )
      const { data: option } = await api.post(
        "/admin/shipping-options",
        {
          name: "Oversized freight from Newark DC",
          service_zone_id: newark.stock_location.fulfillment_sets[0].service_zones[0].id,
          shipping_profile_id: profile.shipping_profile.id,
          provider_id: "manual_manual",
          price_type: "flat",
          type: { label: "Freight", description: "Oversized freight", code: "freight" },
          prices: [{ currency_code: "usd", amount: 90 }],
          rules: [],
        },
        headers
      )
      return {
        variants,
        inventory_items,
        other_option: option.shipping_option.id as string,
        other_profile: profile.shipping_profile.id as string,
      }
    }

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    const regionFor = (city: string) => demoRegion(store, city)

    /** A shopper's checkout through the store API (our split-aware completion), then routed. */
    async function orderTo(city: string, items: Record<string, number>, shipping?: string) {
      const res = await checkoutViaStoreApi(api, {
        publishableKey: store.publishable_key,
        regionId: regionFor(city),
        address: at(city),
        shipping,
        items: Object.entries(items).map(([sku, quantity]) => ({
          variant_id: store.variants[sku] ?? extra.variants[sku],
          quantity,
        })),
      })
      expect(res.type).toBe("order")
      const [decision] = await waitForDecisions(getContainer(), [res.order.id])
      const { data } = await api.get(`/admin/orders/${res.order.id}?fields=*items`, admin)
      const item = (sku: string) => data.order.items.find((i: any) => i.variant_sku === sku)
      const line = (sku: string) => item(sku).id as string
      /** The line as Medusa's "No stock reservation" sentence prints it: title (variant title). */
      const title = (sku: string) => `${item(sku).title} (${item(sku).variant_title})`
      return { order_id: res.order.id as string, decision, line, title }
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
        expectMedusaError(res, `Quantity to fulfill exceeds the reserved quantity for the item: ${line("TEE-L")}`)
        expect(res.data.message).toMatch(
          /\. Order #\d+, "[^"]+" \(TEE-L\): reserved at Reno Fulfillment Center: 7; asked: 10\. The rest is reserved at Newark DC: 53\. Fulfil at most 7 from Reno Fulfillment Center, the rest from where it is reserved\.$/
        )
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
        // Medusa would take the units and move both reservations to Rotterdam; its closest refusal
        // is "exceeds the reserved quantity" (invalid_data), which is what a client sees.
        expectMedusaError(res, `Quantity to fulfill exceeds the reserved quantity for the item: ${line("TEE-L")}`)
        expect(res.data.message).toMatch(
          /: reserved at Rotterdam Hub: 0; asked: 5\. It is reserved at Newark DC and Reno Fulfillment Center, not at Rotterdam Hub\. /
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
        const refused = results.find((r) => r.status === 400)!
        expectMedusaError(refused, `Quantity to fulfill exceeds the reserved quantity for the item: ${line("TEE-L")}`)
        expect(refused.data.message).toMatch(/not at Newark DC/)
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
        const { order_id, line, title } = await orderTo("Boston", { "TEE-L": 2 })
        expect((await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 2 }])).status).toBe(200)
        const placed = await levels()
        const again = await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 2 }])
        expectMedusaError(again, `No stock reservation found for item ${line("TEE-L")} - ${title("TEE-L")}`)
        expect(again.data.message).toMatch(/: nothing of it is reserved any more \(already fulfilled, or never reserved\)/)
        expect(await levels()).toEqual(placed)
        expect((await fulfillments(order_id)).fulfillments).toHaveLength(1)
      })

      it("refuses a location the order is not reserved at", async () => {
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 2 })
        const placed = await levels()
        const res = await fulfil(order_id, "reno", [{ id: line("TEE-L"), quantity: 2 }])
        expectMedusaError(res, `Quantity to fulfill exceeds the reserved quantity for the item: ${line("TEE-L")}`)
        expect(res.data.message).toMatch(/is reserved at Newark DC, not at Reno Fulfillment Center/)
        expect(await levels()).toEqual(placed)
        expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Newark DC": { "TEE-L": 2 } })
      })
    })

    // Medusa's own HTTP tests of Create Fulfillment (medusajs/medusa
    // integration-tests/http/__tests__/order/admin/order.spec.ts, "POST /orders/:id/fulfillments"
    // and ".../cancel"), run against the plugin's route on the demo store: same status, error
    // type, Medusa's sentence first, and `{ order }` back.
    describe("Medusa's own Create Fulfillment cases", () => {
      const reservationsOf = async (lineId: string) =>
        (await api.get(`/admin/reservations?line_item_id[]=${lineId}`, admin)).data.reservations as any[]
      const totals = async (inventoryItemId: string) => {
        const { data } = await api.get(
          `/admin/inventory-items/${inventoryItemId}?fields=stocked_quantity,reserved_quantity`,
          admin
        )
        return [data.inventory_item.stocked_quantity, data.inventory_item.reserved_quantity]
      }

      it("updates stock levels correctly when creating partial fulfillments on an order", async () => {
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 3 })
        const [stocked, reserved] = await totals(store.inventory_items["TEE-L"])
        for (const n of [1, 2]) {
          expect((await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 1 }])).status).toBe(200)
          expect(await totals(store.inventory_items["TEE-L"])).toEqual([stocked - n, reserved - n])
        }
        const { data, status } = await api.post(
          `/admin/orders/${order_id}/fulfillments?fields=fulfillments.id`,
          { location_id: store.locations.newark, items: [{ id: line("TEE-L"), quantity: 1 }] },
          admin
        )
        expect(status).toBe(200)
        expect(Object.keys(data)).toEqual(["order"])
        expect(data.order.fulfillments).toHaveLength(3)
        expect(await totals(store.inventory_items["TEE-L"])).toEqual([stocked - 3, reserved - 3])
      })

      it("throws if trying to fulfil more items than are reserved", async () => {
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 3 })
        const res = await fulfil(order_id, "newark", [{ id: line("TEE-L"), quantity: 5 }])
        expectMedusaError(res, `Quantity to fulfill exceeds the reserved quantity for the item: ${line("TEE-L")}`)
        expect(res.data.message).toMatch(/: reserved at Newark DC: 3; asked: 5\. Fulfil at most 3 from Newark DC\.$/)
      })

      it("throws if trying to fulfil more than is reserved when the item has a required quantity", async () => {
        const { order_id, line } = await orderTo("Boston", { "OMS-BOLT-3": 1 })
        let [reservation] = await reservationsOf(line("OMS-BOLT-3"))
        expect(reservation.quantity).toBe(3) // one unit of the line takes 3 bolts
        reservation = (await api.post(`/admin/reservations/${reservation.id}`, { quantity: 2 }, admin)).data.reservation
        expect(reservation.quantity).toBe(2)
        const res = await fulfil(order_id, "newark", [{ id: line("OMS-BOLT-3"), quantity: 1 }])
        expectMedusaError(res, `Quantity to fulfill exceeds the reserved quantity for the item: ${line("OMS-BOLT-3")}`)
        // Counted in units of the line: 2 bolts are not one pack of 3.
        expect(res.data.message).toMatch(/: reserved at Newark DC: 0; asked: 1\. Parts reserved at Newark DC, in units of the line: OMS-BOLT: 0\./)
      })

      it("throws if the product's shipping profile does not match the shipping option's", async () => {
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 1 })
        const res = await api
          .post(
            `/admin/orders/${order_id}/fulfillments`,
            { shipping_option_id: extra.other_option, location_id: store.locations.newark, items: [{ id: line("TEE-L"), quantity: 1 }] },
            admin
          )
          .catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data).toEqual({
          type: "invalid_data",
          message: `Shipping profile ${extra.other_profile} does not match the shipping profile of the order item ${line("TEE-L")}`,
        })
      })

      it("only creates fulfillments grouped by shipping requirement", async () => {
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 1, "OMS-EGIFT": 1 })
        const both = await fulfil(order_id, "newark", [
          { id: line("TEE-L"), quantity: 1 },
          { id: line("OMS-EGIFT"), quantity: 1 },
        ])
        expect(both.data).toEqual({
          type: "invalid_data",
          message:
            "Fulfillment can only be created entirely with items with shipping or items without shipping. Split this request into 2 fulfillments.",
        })
        const one = await api.post(
          `/admin/orders/${order_id}/fulfillments?fields=+fulfillments.id,fulfillments.requires_shipping`,
          { location_id: store.locations.newark, items: [{ id: line("TEE-L"), quantity: 1 }] },
          admin
        )
        expect(one.data.order.fulfillments).toHaveLength(1)
        const two = await api.post(
          `/admin/orders/${order_id}/fulfillments?fields=+fulfillments.id,fulfillments.requires_shipping`,
          { location_id: store.locations.newark, items: [{ id: line("OMS-EGIFT"), quantity: 1 }] },
          admin
        )
        expect(two.data.order.fulfillments).toHaveLength(2)
        expect(two.data.order.fulfillments.map((f: any) => f.requires_shipping).sort()).toEqual([false, true])
      })

      it("creates and cancels a fulfillment, with its reservation recreated, twice", async () => {
        // As upstream: no location in the request, so the shipping option's location ships it.
        const { order_id, line } = await orderTo("Boston", { "TEE-L": 1 }, "Standard from Newark DC")
        const lineId = line("TEE-L")
        const created = async () =>
          (
            await api.post(
              `/admin/orders/${order_id}/fulfillments?fields=*fulfillments,*fulfillments.items`,
              { items: [{ id: lineId, quantity: 1 }] },
              admin
            )
          ).data.order
        const recreated = expect.arrayContaining([
          expect.objectContaining({ line_item_id: lineId, inventory_item_id: store.inventory_items["TEE-L"], quantity: 1 }),
        ])
        expect(await reservationsOf(lineId)).toEqual(recreated)

        const first = await created()
        expect(first.fulfillments[0].location_id).toBe(store.locations.newark)
        expect(await reservationsOf(lineId)).toHaveLength(0)
        await api.post(`/admin/orders/${order_id}/fulfillments/${first.fulfillments[0].id}/cancel`, {}, admin)
        expect(await reservationsOf(lineId)).toEqual(recreated)

        const second = await created()
        expect(await reservationsOf(lineId)).toHaveLength(0)
        const open = second.fulfillments.find((f: any) => !f.canceled_at)
        await api.post(`/admin/orders/${order_id}/fulfillments/${open.id}/cancel`, {}, admin)
        expect(await reservationsOf(lineId)).toEqual(recreated)
      })

      it("refuses a line the order does not have, and a canceled order, with Medusa's validation", async () => {
        const { order_id } = await orderTo("Boston", { "TEE-L": 1 })
        const unknown = await fulfil(order_id, "newark", [{ id: "ordli_not_in_this_order", quantity: 1 }])
        expect(unknown.status).toBe(400)
        expect(unknown.data).toEqual({
          type: "invalid_data",
          message: `Items with ids ordli_not_in_this_order does not exist in order with id ${order_id}.`,
        })

        const other = await orderTo("Boston", { "TEE-L": 1 })
        expect((await api.post(`/admin/orders/${other.order_id}/cancel`, {}, admin)).status).toBe(200)
        const canceled = await fulfil(other.order_id, "newark", [{ id: other.line("TEE-L"), quantity: 1 }])
        expect(canceled.status).toBe(400)
        expect(canceled.data).toEqual({ type: "invalid_data", message: `Order with id ${other.order_id} has been canceled.` })
      })
    })

    describe("a kit line (a variant made of several inventory items)", () => {
      it("counts what is reserved in units of the line and names the parts in a stable order", async () => {
        // 2 desks: 2 tops and 8 legs reserved at Newark; 3 legs go missing from the reservation.
        const { order_id, line } = await orderTo("Boston", { "OMS-DESK-KIT": 2 })
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const reservations = await inventory.listReservationItems({ line_item_id: line("OMS-DESK-KIT") })
        expect(reservations.map((r) => [r.location_id, r.inventory_item_id, Number(r.quantity)]).sort()).toEqual(
          [
            [store.locations.newark, extra.inventory_items["OMS-DESK-LEG"], 8],
            [store.locations.newark, extra.inventory_items["OMS-DESK-TOP"], 2],
          ].sort()
        )
        const legs = reservations.find((r) => r.inventory_item_id === extra.inventory_items["OMS-DESK-LEG"])!
        await inventory.updateReservationItems({ id: legs.id, quantity: 5 })

        const answers = []
        for (let i = 0; i < 3; i++) answers.push(await fulfil(order_id, "newark", [{ id: line("OMS-DESK-KIT"), quantity: 2 }]))
        for (const res of answers) {
          expectMedusaError(res, `Quantity to fulfill exceeds the reserved quantity for the item: ${line("OMS-DESK-KIT")}`)
        }
        expect(new Set(answers.map((r) => r.data.message)).size).toBe(1)
        expect(answers[0].data.message).toMatch(
          /: reserved at Newark DC: 1; asked: 2\. Parts reserved at Newark DC, in units of the line: OMS-DESK-LEG: 1, OMS-DESK-TOP: 2\. Fulfil at most 1 from Newark DC\.$/
        )

        const one = await fulfil(order_id, "newark", [{ id: line("OMS-DESK-KIT"), quantity: 1 }])
        expect(one.status).toBe(200)
        const { fulfillments: created } = await fulfillments(order_id)
        expect(
          created[0].items.map((i: any) => [i.inventory_item_id, Number(i.quantity)]).sort()
        ).toEqual(
          [
            [extra.inventory_items["OMS-DESK-LEG"], 4],
            [extra.inventory_items["OMS-DESK-TOP"], 1],
          ].sort()
        )
        // What stays reserved: 1 top and 1 leg (5 legs less the 4 one desk took).
        const left = await inventory.listReservationItems({ line_item_id: line("OMS-DESK-KIT") })
        expect(left.map((r) => [r.inventory_item_id, Number(r.quantity)]).sort()).toEqual(
          [
            [extra.inventory_items["OMS-DESK-LEG"], 1],
            [extra.inventory_items["OMS-DESK-TOP"], 1],
          ].sort()
        )
      })
    })
  },
})

import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  listShippingOptionsForCartWorkflow,
  updateCartPromotionsWorkflow,
} from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules, PromotionActions } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { demoAddress, demoRegion } from "../helpers/orders"
import { reservedBySku, setStock as setDemoStock, waitForDecisions } from "../helpers/routing"
import { checkoutViaStoreApi } from "../helpers/storefront"
import { ROUTING_MODULE } from "../../src/modules/routing"
import { checkoutRoutingFacts, loadCheckoutRoutingContext } from "../../src/workflows/checkout/utils/checkout-routing-context"
import { completeCartFields } from "../../src/workflows/checkout/utils/complete-cart-fields"
import { loadRoutingContext } from "../../src/workflows/shared/routing-context"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

const at = demoAddress
const CHECKOUT_NOTE = "Reserved by medusa-oms at checkout"

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })

    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const regionFor = (city: string) => demoRegion(store, city)

    /** A shopper's checkout through the store API, ending in our POST /store/carts/:id/complete. */
    async function checkout(city: string, items: Record<string, number>) {
      return checkoutViaStoreApi(api, {
        publishableKey: store.publishable_key,
        regionId: regionFor(city),
        address: at(city),
        items: Object.entries(items).map(([sku, quantity]) => ({ variant_id: store.variants[sku], quantity })),
      })
    }

    /** A cart ready to complete (address, shipping method, payment session), built with Medusa's workflows. */
    async function readyCart(
      city: string,
      items: Record<string, number>,
      extra: { promo?: string; shipping?: string; customer?: { id: string; email: string } } = {}
    ) {
      const container = getContainer()
      const { result: cart } = await createCartWorkflow(container).run({
        input: {
          region_id: regionFor(city),
          sales_channel_id: store.sales_channel_id,
          email: extra.customer?.email ?? "parity@example.com",
          customer_id: extra.customer?.id,
          shipping_address: at(city),
          billing_address: at(city),
          items: Object.entries(items).map(([sku, quantity]) => ({ variant_id: store.variants[sku], quantity })),
        },
      })
      if (extra.promo) {
        await updateCartPromotionsWorkflow(container).run({
          input: { cart_id: cart.id, promo_codes: [extra.promo], action: PromotionActions.ADD },
        })
      }
      const { result: options } = await listShippingOptionsForCartWorkflow(container).run({
        input: { cart_id: cart.id, is_return: false },
      })
      const wanted = extra.shipping ?? "Standard"
      const option = (options as any[]).find((o) => o.name.startsWith(wanted)) ?? options[0]
      await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: option.id }] } })
      const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
        input: { cart_id: cart.id },
      })
      await createPaymentSessionsWorkflow(container).run({
        input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
      })
      return cart.id as string
    }

    const completeViaRoute = (cartId: string) =>
      api.post(`/store/carts/${cartId}/complete`, {}, storeHeaders()).catch((e: any) => e.response)

    const setStock = (sku: string, perLocation: Record<string, number>) =>
      setDemoStock(getContainer(), store, sku, perLocation)

    async function levelsOf(sku: string) {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      return inventory.listInventoryLevels({ inventory_item_id: store.inventory_items[sku] })
    }

    /**
     * Checkout's routing context for a completed cart, built from the snapshot and the created
     * order as the reservation step receives them, and routing's own context for that order.
     */
    async function bothContexts(cartId: string, orderId: string) {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [cart],
      } = await query.graph({ entity: "cart", fields: completeCartFields, filters: { id: cartId } })
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "display_id", "sales_channel_id", "currency_code", "region_id", "shipping_address.*", "shipping_methods.*", "items.*"],
        filters: { id: orderId },
      })
      return {
        ours: await loadCheckoutRoutingContext(container, checkoutRoutingFacts(cart, order)),
        routings: await loadRoutingContext(container, { order_id: orderId, force: true }),
      }
    }

    async function reservationsOf(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["id", "items.*"], filters: { id: orderId } })
      const inventory = getContainer().resolve(Modules.INVENTORY)
      return inventory.listReservationItems({ line_item_id: (order.items ?? []).map((i: any) => i.id) }, { take: null })
    }

    /** The order as a shopper and an accountant see it, without ids and timestamps. */
    async function comparable(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: [
          "status",
          "currency_code",
          "email",
          "region_id",
          "sales_channel_id",
          "subtotal",
          "item_total",
          "item_subtotal",
          "tax_total",
          "discount_total",
          "shipping_total",
          "shipping_subtotal",
          "original_total",
          "total",
          "items.*",
          "items.tax_lines.*",
          "items.adjustments.*",
          "shipping_methods.*",
          "shipping_methods.tax_lines.*",
          "shipping_methods.adjustments.*",
          "shipping_address.*",
          "payment_collections.status",
          "payment_collections.amount",
          "payment_collections.authorized_amount",
          "payment_collections.currency_code",
          "payment_status",
        ],
        filters: { id: orderId },
      })
      const o = strip(order)
      o.items = [...o.items].sort((a: any, b: any) => String(a.variant_sku).localeCompare(String(b.variant_sku)))
      return o
    }

    describe("orders born routed", () => {
      it("splits a line no single warehouse holds across two, never beyond what each holds", async () => {
        // TEE-L: Newark 53, Reno 44. Core refuses 60 (no single location holds it).
        const res = await checkout("Boston", { "TEE-L": 60 })
        expect(res.type).toBe("order")
        expect(await reservedBySku(getContainer(), res.order.id)).toEqual({
          "Newark DC": { "TEE-L": 53 },
          "Reno Fulfillment Center": { "TEE-L": 7 },
        })
        for (const level of await levelsOf("TEE-L")) {
          expect(Number(level.reserved_quantity)).toBeLessThanOrEqual(Number(level.stocked_quantity))
        }
        const [decision] = await waitForDecisions(getContainer(), [res.order.id])
        expect(decision.status).toBe("routed")
        expect(await reservedBySku(getContainer(), res.order.id)).toEqual({
          "Newark DC": { "TEE-L": 53 },
          "Reno Fulfillment Center": { "TEE-L": 7 },
        })
      })

      it("reserves a Boston order at Newark and a Los Angeles order at Reno from the start", async () => {
        const boston = await checkout("Boston", { "TEE-L": 2 })
        const losAngeles = await checkout("Los Angeles", { "TEE-L": 2 })
        // Read straight after completion: the reservations are checkout's own...
        const [bostonNow, laNow] = [await reservationsOf(boston.order.id), await reservationsOf(losAngeles.order.id)]
        expect(bostonNow.map((r) => [r.location_id, Number(r.quantity)])).toEqual([[store.locations.newark, 2]])
        expect(laNow.map((r) => [r.location_id, Number(r.quantity)])).toEqual([[store.locations.reno, 2]])
        // ...and routing, once it has run, found nothing to move.
        await waitForDecisions(getContainer(), [boston.order.id, losAngeles.order.id])
        const after = [...(await reservationsOf(boston.order.id)), ...(await reservationsOf(losAngeles.order.id))]
        expect(after.map((r) => r.id).sort()).toEqual([...bostonNow, ...laNow].map((r) => r.id).sort())
        expect(after.every((r) => r.description === CHECKOUT_NOTE)).toBe(true)
      })

      it("plans every checkout with routing's configuration as it is now: a location paused, a location taken off the channel", async () => {
        const container = getContainer()
        const routing = container.resolve(ROUTING_MODULE) as any
        const link = container.resolve(ContainerRegistrationKeys.LINK)
        await setStock("TEE-L", { newark: 30, reno: 30 })
        // Where checkout reserved a Boston order's tee (read before routing could move anything).
        const reservedAt = async () => {
          const { order } = await checkout("Boston", { "TEE-L": 1 })
          const at = (await reservationsOf(order.id)).map((r) => r.location_id)
          await waitForDecisions(container, [order.id])
          return at
        }
        // The first checkout also leaves checkout's copy of the configuration filled.
        expect(await reservedAt()).toEqual([store.locations.newark])

        const [newark] = await routing.listLocationProfiles({ stock_location_id: store.locations.newark })
        await routing.updateLocationProfiles({ id: newark.id, active: false })
        try {
          expect(await reservedAt()).toEqual([store.locations.reno])
        } finally {
          await routing.updateLocationProfiles({ id: newark.id, active: true })
        }
        expect(await reservedAt()).toEqual([store.locations.newark])

        const channelLink = {
          [Modules.SALES_CHANNEL]: { sales_channel_id: store.sales_channel_id },
          [Modules.STOCK_LOCATION]: { stock_location_id: store.locations.newark },
        }
        await link.dismiss(channelLink)
        try {
          expect(await reservedAt()).toEqual([store.locations.reno])
        } finally {
          await link.create(channelLink)
        }
        expect(await reservedAt()).toEqual([store.locations.newark])
      })

      it("emits order.placed, so the order is routed and gets a decision", async () => {
        const res = await checkout("Seattle", { "TEE-L": 1, "MUG-WHT": 2 })
        const [decision] = await waitForDecisions(getContainer(), [res.order.id])
        expect(decision.order_id).toBe(res.order.id)
        expect(decision.status).toBe("routed")
      })

      it("places the same order as Medusa's own completion would (items, taxes, promotions, shipping, totals, payment)", async () => {
        const promotion = getContainer().resolve(Modules.PROMOTION)
        await promotion.createPromotions([
          {
            code: "TENOFF",
            type: "standard",
            status: "active",
            application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
          } as any,
        ])
        // Tax rates so the orders carry tax lines (the seed has tax regions without rates).
        const tax = getContainer().resolve(Modules.TAX)
        const taxRegions = await tax.listTaxRegions({ country_code: ["us", "gb"], parent_id: null })
        await tax.createTaxRates(
          taxRegions.map((r) => ({ tax_region_id: r.id, rate: r.country_code === "us" ? 8.875 : 20, code: `VAT-${r.country_code}`, name: "Sales tax", is_default: true }))
        )
        const carts: [string, Record<string, number>, { promo?: string; shipping?: string }][] = [
          ["Boston", { "TEE-L": 2, "MUG-WHT": 1 }, {}],
          ["Berlin", { "HOOD-L": 1, "TEE-S": 2 }, {}],
          ["London", { "HOOD-XL": 1, "CAP-BLK": 2 }, { shipping: "Express" }],
          ["San Francisco", { "SLV-BLU": 1, "PEN-WHT": 3 }, { promo: "TENOFF" }],
        ]
        for (const [city, items, extra] of carts) {
          const ours = await readyCart(city, items, extra)
          const theirs = await readyCart(city, items, extra)
          const res = await completeViaRoute(ours)
          expect(res.status).toBe(200)
          expect(res.data.type).toBe("order")
          const { result } = await completeCartWorkflow(getContainer()).run({ input: { id: theirs } })
          const [a, b] = [await comparable(res.data.order.id), await comparable(result.id)]
          expect(a.items.length).toBe(Object.keys(items).length)
          expect(a.payment_collections[0].status).toBe("authorized")
          if (city !== "Berlin") expect(a.items.every((i: any) => i.tax_lines.length === 1)).toBe(true)
          if (city !== "Berlin") expect(a.shipping_methods[0].tax_lines).toHaveLength(1)
          if (extra.promo) expect(a.items.some((i: any) => i.adjustments.length)).toBe(true)
          expect(a).toEqual(b)
          await waitForDecisions(getContainer(), [res.data.order.id, result.id])
        }
      })

      it("returns the same order when a cart is completed twice, one after the other or at once", async () => {
        const first = await checkout("Boston", { "TEE-L": 3 })
        const again = await completeViaRoute(first.cartId)
        expect(again.status).toBe(200)
        expect(again.data).toEqual(expect.objectContaining({ type: "order" }))
        expect(again.data.order.id).toBe(first.order.id)

        const cartId = await readyCart("Boston", { "CAP-BLU": 2 })
        const both = await Promise.all([completeViaRoute(cartId), completeViaRoute(cartId)])
        expect(both.map((r) => r.status)).toEqual([200, 200])
        expect(both[0].data.order.id).toBe(both[1].data.order.id)

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        for (const [cart, units, sku] of [
          [first.cartId, 3, "TEE-L"],
          [cartId, 2, "CAP-BLU"],
        ] as const) {
          const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart } })
          expect(links).toHaveLength(1)
          const reservations = await reservationsOf(links[0].order_id)
          expect(reservations.reduce((s, r) => s + Number(r.quantity), 0)).toBe(units)
          const reservedAll = (await levelsOf(sku)).reduce((s, l) => s + Number(l.reserved_quantity), 0)
          expect(reservedAll).toBe(units)
        }
        await waitForDecisions(getContainer(), [first.order.id, both[0].data.order.id])
      })

      it("plans again under the locks when the stock its cart read is gone: the last unit at Newark goes once, the other shopper ships from Reno", async () => {
        // Both carts are read while Newark still shows its one unit; whichever reserves second is
        // refused Newark by the inventory module and must re-read the levels and take Reno's.
        await setStock("TEE-L", { newark: 1, reno: 5 })
        const carts = [await readyCart("Boston", { "TEE-L": 1 }), await readyCart("Boston", { "TEE-L": 1 })]
        const res = await Promise.all(carts.map((id) => completeViaRoute(id)))
        expect(res.map((r) => r.status)).toEqual([200, 200])
        const held = await Promise.all(res.map((r) => reservationsOf(r.data.order.id)))
        const at = held.map((rs) => rs.map((r) => [r.location_id, Number(r.quantity)]))
        expect(at.map((x) => x[0][0]).sort()).toEqual([store.locations.newark, store.locations.reno].sort())
        expect(at.every((x) => x.length === 1 && x[0][1] === 1)).toBe(true)
        const levels = await levelsOf("TEE-L")
        for (const l of levels) expect(Number(l.reserved_quantity)).toBeLessThanOrEqual(Number(l.stocked_quantity))
        await waitForDecisions(getContainer(), res.map((r) => r.data.order.id))
      })

      it("refuses a cart asking for more than all warehouses hold, and leaves nothing behind", async () => {
        const cartId = await readyCart("Boston", { "TEE-L": 60 })
        await setStock("TEE-L", { newark: 30, reno: 20 })
        const res = await completeViaRoute(cartId)
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        expect(res.data.message).toMatch(/Not enough stock available to place this order \(TEE-L: 60 ordered, 50 available\)/)

        const inventory = getContainer().resolve(Modules.INVENTORY)
        expect(await inventory.listReservationItems({ inventory_item_id: store.inventory_items["TEE-L"] })).toEqual([])
        for (const level of await levelsOf("TEE-L")) expect(Number(level.reserved_quantity)).toBe(0)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
        expect(links).toEqual([])
        const {
          data: [cart],
        } = await query.graph({ entity: "cart", fields: ["completed_at"], filters: { id: cartId } })
        expect(cart.completed_at).toBeNull()
        const orders = await getContainer().resolve(Modules.ORDER).listOrders({ email: "parity@example.com" })
        expect(orders).toEqual([])
      })

      it("reserves units beyond stock at the planned warehouse when the variant allows backorders", async () => {
        const product = getContainer().resolve(Modules.PRODUCT)
        await product.updateProductVariants(store.variants["TEE-L"], { allow_backorder: true })
        const cartId = await readyCart("Boston", { "TEE-L": 60 })
        await setStock("TEE-L", { newark: 30, reno: 20 })
        const res = await completeViaRoute(cartId)
        expect(res.status).toBe(200)
        expect(res.data.type).toBe("order")
        expect(await reservedBySku(getContainer(), res.data.order.id)).toEqual({
          "Newark DC": { "TEE-L": 40 },
          "Reno Fulfillment Center": { "TEE-L": 20 },
        })
        await waitForDecisions(getContainer(), [res.data.order.id])
      })

      it("accepts what only a warehouse outside the market holds, as Medusa does, without over-reserving", async () => {
        // CREW-L: Newark 1, Rotterdam 3 (Rotterdam does not ship to the US). Medusa reserves all 3 at Rotterdam.
        const res = await checkout("Boston", { "CREW-L": 3 })
        expect(res.type).toBe("order")
        const reserved = await reservedBySku(getContainer(), res.order.id)
        expect(reserved).toEqual({ "Newark DC": { "CREW-L": 1 }, "Rotterdam Hub": { "CREW-L": 2 } })
        for (const level of await levelsOf("CREW-L")) {
          expect(Number(level.reserved_quantity)).toBeLessThanOrEqual(Number(level.stocked_quantity))
        }
        await waitForDecisions(getContainer(), [res.order.id])
      })

      it("reserves with what routing will see: the same lines, facts, candidates and rule set, from the cart it completed", async () => {
        const container = getContainer()
        // A registered customer in a group, a location with a daily capacity: every input routing reads.
        const customers = container.resolve(Modules.CUSTOMER)
        const group = await customers.createCustomerGroups({ name: "Wholesale" })
        const buyer = await customers.createCustomers({ email: "facts@wholesale.example", first_name: "Wes" })
        await customers.addCustomerToGroup({ customer_id: buyer.id, customer_group_id: group.id })
        const routing = container.resolve(ROUTING_MODULE) as any
        // The demo store's products have no type or tags: give the tee both, as a catalogue would.
        const products = container.resolve(Modules.PRODUCT)
        const [tee] = await products.listProductVariants({ id: store.variants["TEE-L"] }, { select: ["product_id"] })
        const [type] = await products.createProductTypes([{ value: "Apparel" }])
        const [tag] = await products.createProductTags([{ value: "cotton" }])
        await products.updateProducts(tee.product_id!, { type_id: type.id, tag_ids: [tag.id] } as any)
        const [reno] = await routing.listLocationProfiles({ stock_location_id: store.locations.reno })
        await routing.updateLocationProfiles({ id: reno.id, daily_capacity: 500 })
        // A rule set that tests the customer's group and the products' type and tags: checkout
        // reads those facts only when a rule asks about them.
        const admin = await adminHeaders(container, api)
        const { data: created } = await api.post(
          "/admin/oms/rule-sets",
          {
            name: "Wholesale apparel",
            definition: {
              rules: [
                { kind: "filter", type: "serves_market" },
                { kind: "rank", type: "priority", condition: { type: "customer_group", any_of: [group.id] } },
                {
                  kind: "rank",
                  type: "fewest_shipments",
                  condition: { type: "any", conditions: [{ type: "product_tag", any_of: ["cotton"] }, { type: "not", condition: { type: "product_type", any_of: ["Apparel"] } }] },
                },
                { kind: "rank", type: "distance" },
              ],
              split: { type: "allowed" },
              partial: "split",
            },
          },
          admin
        )
        await api.post(`/admin/oms/rule-sets/${created.rule_set.id}/activate`, {}, admin)

        const cartId = await readyCart("Seattle", { "TEE-L": 1, "MUG-WHT": 2, "HOOD-M": 1 }, { customer: buyer })
        const res = await completeViaRoute(cartId)
        expect(res.status).toBe(200)
        const orderId = res.data.order.id
        await waitForDecisions(container, [orderId])

        const { ours, routings } = await bothContexts(cartId, orderId)
        // Two reads of one order may list its lines in another order; what is in them must be the same.
        const sorted = (xs: any[] = []) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        const same = (c: any) => ({
          lines: sorted(c.lines),
          facts: {
            ...c.facts,
            product_tags: sorted(c.facts.product_tags),
            product_types: sorted(c.facts.product_types),
            shipping_profiles: sorted(c.facts.shipping_profiles),
            customer_group_ids: sorted(c.facts.customer_group_ids),
          },
          address: c.address,
          candidates: c.candidates,
          rule_set: c.rule_set,
          rule_set_label: c.rule_set_label,
          skip: c.skip,
        })
        expect(same(ours)).toEqual(same(routings))
        expect(ours.facts.customer_group_ids).toEqual([group.id])
        expect(ours.facts.product_tags).toEqual(["cotton"])
        expect(ours.facts.product_types).toEqual(["Apparel"])
        expect(ours.candidates.find((c) => c.id === store.locations.reno)?.daily_capacity).toBe(500)
        expect(ours.rule_set_label).toBe("Wholesale apparel v1")
      })

      it("plans without customer groups, product types and tags when no rule tests them, as routing does", async () => {
        const container = getContainer()
        const customers = container.resolve(Modules.CUSTOMER)
        const group = await customers.createCustomerGroups({ name: "Retail" })
        const buyer = await customers.createCustomers({ email: "plain@retail.example", first_name: "Rae" })
        await customers.addCustomerToGroup({ customer_id: buyer.id, customer_group_id: group.id })

        const cartId = await readyCart("Boston", { "TEE-L": 1, "MUG-WHT": 1 }, { customer: buyer })
        const res = await completeViaRoute(cartId)
        expect(res.status).toBe(200)
        const orderId = res.data.order.id
        const reserved = await reservationsOf(orderId)
        await waitForDecisions(container, [orderId])
        // The default rule set asks nothing of groups, types or tags: checkout did not read the
        // customer's group, and still reserved exactly where routing, which did, wants the order.
        const { ours, routings } = await bothContexts(cartId, orderId)
        expect(ours.facts.customer_group_ids).toEqual([])
        expect(routings.facts.customer_group_ids).toEqual([group.id])
        const after = await reservationsOf(orderId)
        expect(reserved.length).toBeGreaterThan(0)
        expect(after.map((r) => r.id).sort()).toEqual(reserved.map((r) => r.id).sort())
        expect(after.every((r) => r.description === CHECKOUT_NOTE)).toBe(true)
      })

      it("is Medusa's own completion when routing.checkout is false", async () => {
        // Same running app, option flipped in place: booting a second app for one option costs ~15 s.
        const options = (getContainer().resolve("oms_routing") as any).getOmsOptions()
        options.routing.checkout = false
        try {
          const cartId = await readyCart("Boston", { "TEE-L": 60 })
          const refused = await completeViaRoute(cartId)
          expect(refused.status).toBe(400)
          expect(refused.data.message).toMatch(/Not enough stock available for item .* at location/)

          const placed = await checkout("Los Angeles", { "TEE-L": 2 })
          expect(placed.type).toBe("order")
          const reservations = await reservationsOf(placed.order.id)
          expect(reservations).toHaveLength(1)
          expect(reservations[0].description).not.toBe(CHECKOUT_NOTE)
          await waitForDecisions(getContainer(), [placed.order.id])
        } finally {
          options.routing.checkout = true
        }
      })
    })
  },
})

const VOLATILE = new Set([
  "id",
  "order_id",
  "item_id",
  "shipping_method_id",
  "created_at",
  "updated_at",
  "deleted_at",
  "display_id",
  "version",
])

/** Drops ids and timestamps, recursively, so two orders placed from twin carts compare equal. */
function strip(value: any): any {
  if (Array.isArray(value)) return value.map(strip)
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !VOLATILE.has(k))
        .map(([k, v]) => [k, strip(v)])
    )
  }
  return value
}

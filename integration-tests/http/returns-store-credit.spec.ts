import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { RETURNS_MODULE, ReturnsModuleService } from "../../src/modules/returns"
import { resolveReturnWorkflow } from "../../src/workflows/returns/workflows/resolve-return"
import { adminHeaders } from "../helpers/admin"
import { demoAddress, demoItems } from "../helpers/orders"
import { deliveredOrder, registerCustomer, seedReturnSetup, Shopper } from "../helpers/returns"
import { inspectedCase } from "../helpers/returns-resolution"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

const failure = (e: any) => e.response

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })

    /** A cart of the shopper's own, with address and shipping, over the store API. */
    async function cartOf(shopper: Shopper, items: Record<string, number>) {
      const address = demoAddress("Boston")
      const { data } = await api.post(
        "/store/carts",
        { region_id: store.regions.usd, shipping_address: address, billing_address: address, items: demoItems(store, items) },
        shopper.headers
      )
      const cartId = data.cart.id
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, shopper.headers)
      const option = options.shipping_options.find((o: any) => o.name.startsWith("Standard")) ?? options.shipping_options[0]
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, shopper.headers)
      const { data: read } = await api.get(`/store/carts/${cartId}?fields=id,total`, shopper.headers)
      const cart = await getContainer().resolve(Modules.CART).retrieveCart(cartId)
      expect(cart.customer_id).toBe(shopper.customer_id)
      return { id: cartId as string, total: Number(read.cart.total) }
    }

    it("spends store credit at checkout once: the order costs less, the ledger is debited once, a second cart cannot overspend", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const setup = await seedReturnSetup(container, store)
      const shopper = await registerCustomer(api, store, "spend-credit@example.com")
      const other = await registerCustomer(api, store, "someone-else@example.com")

      // Credit earned the real way: a returned tee resolved as store credit.
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-S": 1 }, shopper })
      const made = await inspectedCase(container, { api, admin, order, setup, location_key: "newark", resolution: "store_credit", units: { "TEE-S": ["new"] } })
      await resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } })
      const credit = made.unit_refund["TEE-S"]
      const balance = async () => (await api.get("/store/oms/store-credit?currency_code=usd", shopper.headers)).data.balance
      expect(await balance()).toBe(credit)

      const first = await cartOf(shopper, { "TEE-M": 2 })
      const second = await cartOf(shopper, { "TEE-M": 1 })
      expect(first.total).toBeGreaterThan(credit)
      expect(second.total).toBeGreaterThan(credit)

      // Someone else's cart is not found; a body it does not take names the field.
      const foreign = await api.post(`/store/oms/carts/${first.id}/store-credit`, {}, other.headers).catch(failure)
      expect(foreign.status).toBe(404)
      const bad = await api.post(`/store/oms/carts/${first.id}/store-credit`, { amount: -3 }, shopper.headers).catch(failure)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/amount/)

      // Two carts apply at once: the balance is spent once between them.
      const both = await Promise.all(
        [first, second].map((cart) => api.post(`/store/oms/carts/${cart.id}/store-credit`, {}, shopper.headers).catch(failure))
      )
      const won = both.filter((r) => r.status === 200)
      const lost = both.filter((r) => r.status !== 200)
      expect(won).toHaveLength(1)
      expect(won[0].data).toMatchObject({ applied: credit, balance: 0 })
      expect(lost.map((r) => r.status)).toEqual([409])
      expect(lost[0].data.message).toMatch(/no store credit in USD/)
      expect(await balance()).toBe(0)

      // Take it off the winning cart and put it on the first one: released, then spent again.
      const winner = won[0].data.cart_id
      const { data: removed } = await api.delete(`/store/oms/carts/${winner}/store-credit`, shopper.headers)
      expect(removed).toMatchObject({ cart_id: winner, applied: 0, balance: credit })
      if (winner !== first.id) {
        const { data: moved } = await api.post(`/store/oms/carts/${first.id}/store-credit`, {}, shopper.headers)
        expect(moved).toMatchObject({ applied: credit, balance: 0 })
      } else {
        await api.post(`/store/oms/carts/${first.id}/store-credit`, {}, shopper.headers)
      }
      const { data: withCredit } = await api.get(`/store/carts/${first.id}?fields=id,total,*credit_lines`, shopper.headers)
      expect(Number(withCredit.cart.total)).toBeCloseTo(first.total - credit, 2)

      // Checkout pays the rest: the order carries the credit line, the payment is the lower total.
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: first.id }, shopper.headers)
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, shopper.headers)
      const { data: done } = await api.post(`/store/carts/${first.id}/complete`, {}, shopper.headers)
      expect(done.type).toBe("order")
      const fields = "id,total,*credit_lines,*payment_collections,*payment_collections.payments"
      const { data: placed } = await api.get(`/admin/orders/${done.order.id}?fields=${fields}`, admin)
      expect(Number(placed.order.total)).toBeCloseTo(first.total - credit, 2)
      expect(placed.order.credit_lines.map((l: any) => Number(l.amount))).toEqual([credit])
      expect(Number(placed.order.payment_collections[0].payments[0].amount)).toBeCloseTo(first.total - credit, 2)

      // The ledger: issued once, spent once on the order's cart (plus the round that was given back).
      const entries = await container.resolve<ReturnsModuleService>(RETURNS_MODULE).listStoreCreditEntries({ customer_id: shopper.customer_id })
      const spentOn = (cartId: string) =>
        entries.filter((e: any) => e.reference_id === cartId).reduce((s: number, e: any) => s + Number(e.amount), 0)
      expect(entries.filter((e: any) => e.kind === "issue").map((e: any) => Number(e.amount))).toEqual([credit])
      expect(spentOn(first.id)).toBeCloseTo(-credit, 2)
      expect(spentOn(second.id)).toBeCloseTo(0, 2)
      expect(await balance()).toBe(0)

      // A completed cart's credit is spent: it cannot be taken back off.
      const late = await api.delete(`/store/oms/carts/${first.id}/store-credit`, shopper.headers).catch(failure)
      expect(late.status).toBe(409)
      const { data: seen } = await api.get(`/admin/oms/customers/${shopper.customer_id}/store-credit`, admin)
      expect(seen.balances).toEqual([{ currency_code: "usd", balance: 0 }])
    })
  },
})

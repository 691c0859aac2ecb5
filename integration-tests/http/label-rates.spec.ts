import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { placeRoutedOrder } from "../helpers/orders"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

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

    const call = (p: Promise<any>) => p.catch((e: any) => e.response)

    /** An order fulfilled at Newark by hand (no label) and an offline carrier account. */
    async function fulfilledOrder() {
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 })
      const { data } = await api.get(`/admin/orders/${order_id}?fields=*items`, admin)
      const { data: fulfilled } = await api.post(
        `/admin/orders/${order_id}/fulfillments?fields=*fulfillments`,
        { location_id: store.locations.newark, items: [{ id: data.order.items[0].id, quantity: 1 }] },
        admin
      )
      const { data: created } = await api.post("/admin/oms/carrier-accounts", { carrier: "offline", name: "Offline" }, admin)
      return { order_id, fulfillment_id: fulfilled.order.fulfillments.at(-1).id, account_id: created.carrier_account.id }
    }

    it("quotes a fulfillment cheapest first and says which one rate shopping buys, buying nothing", async () => {
      const { order_id, fulfillment_id, account_id } = await fulfilledOrder()
      const res = await api.get(
        `/admin/oms/orders/${order_id}/labels/rates?fulfillment_id=${fulfillment_id}&carrier_account_id=${account_id}`,
        admin
      )
      const { rates, rate_shop } = res.data
      expect(rates.map((r: any) => r.service_code)).toEqual(["offline_economy", "offline_standard", "offline_express"])
      expect(rates.map((r: any) => r.amount)).toEqual([...rates.map((r: any) => r.amount)].sort((a: number, b: number) => a - b))
      // Rate shopping's own trace (the default policy: the cheapest).
      expect(rate_shop.service_code).toBe("offline_economy")
      expect(rate_shop.trace.decided_by).toBeNull()
      expect(rate_shop.trace.decision).toMatch(/^Offline Economy won: cheapest of 3 \(\d+\.\d\d [A-Z]{3}, \d+ days?\)\.$/)
      const { data: labels } = await api.get(`/admin/oms/orders/${order_id}/labels`, admin)
      expect(labels.labels).toEqual([])
    })

    it("names the missing field, and refuses a fulfillment of another order", async () => {
      const first = await fulfilledOrder()
      const other = await fulfilledOrder()
      const missing = await call(api.get(`/admin/oms/orders/${first.order_id}/labels/rates?carrier_account_id=${first.account_id}`, admin))
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/fulfillment_id/)
      const foreign = await call(
        api.get(
          `/admin/oms/orders/${first.order_id}/labels/rates?fulfillment_id=${other.fulfillment_id}&carrier_account_id=${first.account_id}`,
          admin
        )
      )
      expect(foreign.status).toBe(404)
      expect(foreign.data.message).toMatch(/is not one of order #\d+'s fulfillments/)
    })
  },
})

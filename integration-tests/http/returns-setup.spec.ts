import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { deliveredOrder, registerCustomer, seedReturnSetup } from "../helpers/returns"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

// The returns tests start from here: a registered customer whose order was really fulfilled,
// paid, shipped and delivered through Medusa's routes, and a return option per warehouse.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })

    it("gives a customer a delivered order they can see in their account", async () => {
      const admin = await adminHeaders(getContainer(), api)
      const setup = await seedReturnSetup(getContainer(), store)
      expect(Object.keys(setup.reasons).sort()).toEqual(["changed_mind", "damaged", "other", "wrong_size"])
      expect(Object.keys(setup.return_options).sort()).toEqual(Object.keys(store.locations).sort())
      expect(await seedReturnSetup(getContainer(), store)).toEqual(setup)

      const shopper = await registerCustomer(api, store, "setup-returner@example.com")
      const order = await deliveredOrder(getContainer(), api, admin, store, {
        city: "Boston",
        items: { "TEE-L": 2 },
        shopper,
        deliveredDaysAgo: 3,
      })
      const { data } = await api.get(`/store/orders/${order.order_id}?fields=id,customer_id,fulfillment_status,payment_status`, shopper.headers)
      expect(data.order).toMatchObject({ customer_id: shopper.customer_id, fulfillment_status: "delivered", payment_status: "captured" })
      expect(order.lines["TEE-L"]).toBeTruthy()
      expect(order.location_id).toBe(store.locations.newark)
    })
  },
})

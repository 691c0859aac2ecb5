import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { demoAddress, demoRegion } from "../helpers/orders"
import { reservedBySku, waitForDecisions } from "../helpers/routing"
import { checkoutViaStoreApi } from "../helpers/storefront"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

// An app booted with `routing.fulfillment: false` (medusa-config.ts reads this when it loads):
// POST /admin/orders/:id/fulfillments is Medusa's own route. Checkout still splits lines.
process.env.OMS_ROUTING_FULFILLMENT = "false"

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

    /** TEE-L × 60 to Boston, reserved 53 at Newark and 7 at Reno by the plugin's checkout. */
    async function splitOrder() {
      const res = await checkoutViaStoreApi(api, {
        publishableKey: store.publishable_key,
        regionId: demoRegion(store, "Boston"),
        address: demoAddress("Boston"),
        items: [{ variant_id: store.variants["TEE-L"], quantity: 60 }],
      })
      expect(res.type).toBe("order")
      await waitForDecisions(getContainer(), [res.order.id])
      expect(await reservedBySku(getContainer(), res.order.id)).toEqual({
        "Newark DC": { "TEE-L": 53 },
        "Reno Fulfillment Center": { "TEE-L": 7 },
      })
      return { order_id: res.order.id as string, line: res.order.items[0].id as string }
    }

    const fulfil = (orderId: string, location: string, items: { id: string; quantity: number }[]) =>
      api
        .post(`/admin/orders/${orderId}/fulfillments`, { location_id: store.locations[location], items }, admin)
        .catch((e: any) => e.response)

    async function renoLevel() {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [level] = await inventory.listInventoryLevels({
        inventory_item_id: store.inventory_items["TEE-L"],
        location_id: store.locations.reno,
      })
      return [Number(level.stocked_quantity), Number(level.reserved_quantity)]
    }

    it("is Medusa's own route: fulfilling 7 at Reno takes 7 from each reservation and moves Newark's to Reno (#16338)", async () => {
      const { order_id, line } = await splitOrder()
      const [stocked] = await renoLevel()
      const res = await fulfil(order_id, "reno", [{ id: line, quantity: 7 }])
      expect(res.status).toBe(200)
      expect(Object.keys(res.data)).toEqual(["order"])
      // What the plugin's route avoids: Reno's stock drops by 14 for 7 shipped, and the 46 units
      // left of Newark's reservation are now reserved at Reno, which holds none of them.
      expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Reno Fulfillment Center": { "TEE-L": 46 } })
      expect((await renoLevel())[0]).toBe(stocked - 14)
    })

    it("answers Medusa's own sentence, without the plugin's explanation", async () => {
      const { order_id, line } = await splitOrder()
      const res = await fulfil(order_id, "newark", [{ id: line, quantity: 53 }])
      expect(res.status).toBe(400)
      expect(res.data).toEqual({
        type: "invalid_data",
        message: `Quantity to fulfill exceeds the reserved quantity for the item: ${line}`,
      })
    })
  },
})

import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { placeOrder } from "../../scripts/seed/place-order"
import { adminHeaders } from "../helpers/admin"
import { demoItems } from "../helpers/orders"
import { reservedBySku, setStock, waitForDecisions } from "../helpers/routing"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

/**
 * Issue 14's European shop: warehouses in Berlin, Munich and Milan serving Germany, Munich short
 * of stock. A customer at Marienplatz 8, 80331 München used to be placed at the centre of Germany
 * and shipped from Berlin; placed by its postal code, the order ships from Milan, the nearer.
 */
const WAREHOUSES = [
  { key: "berlin", name: "Lager Berlin", city: "Berlin", postal_code: "10117", lat: 52.52, lng: 13.405 },
  { key: "munich", name: "Lager München", city: "München", postal_code: "80331", lat: 48.1374, lng: 11.5755 },
  { key: "milan", name: "Magazzino Milano", city: "Milano", postal_code: "20122", lat: 45.4642, lng: 9.19 },
]

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const ids: Record<string, string> = {}

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
      admin = await adminHeaders(getContainer(), api)
      // Only the new German-serving warehouses hold the mug's stock: the demo ones have none.
      await setStock(getContainer(), store, "MUG-BLK", {})
      for (const w of WAREHOUSES) {
        const country_code = w.key === "milan" ? "it" : "de"
        const { data } = await api.post(
          "/admin/stock-locations",
          { name: w.name, address: { address_1: "Piazza 1", city: w.city, postal_code: w.postal_code, country_code } },
          admin
        )
        ids[w.key] = data.stock_location.id
        await api.post(`/admin/stock-locations/${ids[w.key]}/sales-channels`, { add: [store.sales_channel_id] }, admin)
        await api.post(
          `/admin/oms/locations/${ids[w.key]}`,
          { active: true, priority: 1, markets: ["DE"], latitude: w.lat, longitude: w.lng },
          admin
        )
        await api.post(
          `/admin/inventory-items/${store.inventory_items["MUG-BLK"]}/location-levels`,
          { location_id: ids[w.key], stocked_quantity: w.key === "munich" ? 0 : 3 },
          admin
        )
      }
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    const orderTo = async (address: { city: string; postal_code: string }) => {
      const { order_id } = await placeOrder(getContainer(), {
        region_id: store.regions.eur,
        sales_channel_id: store.sales_channel_id,
        email: "muenchen@example.com",
        address: { first_name: "Anna", last_name: "Huber", address_1: "Marienplatz 8", country_code: "de", ...address },
        items: demoItems(store, { "MUG-BLK": 1 }),
      })
      await waitForDecisions(getContainer(), [order_id])
      const { data } = await api.get(`/admin/oms/orders/${order_id}/routing`, admin)
      return { order_id, decision: data.decision }
    }

    it("ships the München order from Milan, and its decision says it was placed by postal code", async () => {
      const { order_id, decision } = await orderTo({ city: "München", postal_code: "80331" })
      expect(decision.status).toBe("routed")
      expect(decision.location_ids).toEqual([ids.milan])
      expect(await reservedBySku(getContainer(), order_id)).toEqual({ "Magazzino Milano": { "MUG-BLK": 1 } })
      expect(decision.trace.placement).toEqual({ by: "postal_code" })
      expect(decision.trace.notes).toContain("The destination was placed by its postal code.")
      // Munich's centre to Milan's is 348 km; Berlin would have been 504 km.
      expect(decision.plan.shipments[0].distance_km).toBeGreaterThan(330)
      expect(decision.plan.shipments[0].distance_km).toBeLessThan(360)
      expect(decision.trace.decision).toMatch(/Magazzino Milano/)
    })

    it("says so when only the city placed it, and which written part was not found", async () => {
      // 00000 is no German postal code: the native city name still places the order in Munich.
      const { decision } = await orderTo({ city: "München", postal_code: "00000" })
      expect(decision.location_ids).toEqual([ids.milan])
      expect(decision.trace.placement).toEqual({ by: "city", unmatched: ["postal_code"] })
    })
  },
})

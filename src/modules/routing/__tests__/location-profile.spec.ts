import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ROUTING_MODULE } from ".."
import { LocationProfile } from "../models/location-profile"
import RoutingModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<RoutingModuleService>({
  moduleName: ROUTING_MODULE,
  moduleModels: [LocationProfile],
  resolve: "./src/modules/routing",
  moduleOptions: { timezone: "Europe/Amsterdam" },
  testSuite: ({ service }) => {
    describe("location profiles", () => {
      it("stores a profile with routing defaults", async () => {
        const profile = await service.createLocationProfiles({ stock_location_id: "sloc_1" })
        expect(profile).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^olp_/),
            stock_location_id: "sloc_1",
            active: true,
            priority: 0,
            markets: [],
            daily_capacity: null,
            safety_stock: 0,
            latitude: null,
            longitude: null,
          })
        )
      })

      it("keeps markets, capacity and coordinates as given", async () => {
        const created = await service.createLocationProfiles({
          stock_location_id: "sloc_2",
          markets: ["NL", "BE"],
          daily_capacity: 400,
          safety_stock: 2,
          latitude: 51.8897,
          longitude: 4.4419,
        })
        const [found] = await service.listLocationProfiles({ id: created.id })
        expect(found.markets).toEqual(["NL", "BE"])
        expect(found.daily_capacity).toBe(400)
        expect(found.safety_stock).toBe(2)
        expect(found.latitude).toBeCloseTo(51.8897, 3)
        expect(found.longitude).toBeCloseTo(4.4419, 3)
      })

      it("refuses a second live profile for the same stock location", async () => {
        await service.createLocationProfiles({ stock_location_id: "sloc_3" })
        await expect(service.createLocationProfiles({ stock_location_id: "sloc_3" })).rejects.toThrow()
        expect(await service.listLocationProfiles({ stock_location_id: "sloc_3" })).toHaveLength(1)
      })

      it("allows a new profile once the old one is deleted (soft delete keeps history)", async () => {
        const first = await service.createLocationProfiles({ stock_location_id: "sloc_4" })
        await service.softDeleteLocationProfiles(first.id)
        const second = await service.createLocationProfiles({ stock_location_id: "sloc_4", priority: 5 })
        expect(second.id).not.toBe(first.id)
        const [live] = await service.listLocationProfiles({ stock_location_id: "sloc_4" })
        expect(live.priority).toBe(5)
      })

      it("exposes the validated plugin options with defaults filled in", () => {
        expect(service.getOmsOptions()).toEqual({
          timezone: "Europe/Amsterdam",
          routing: { enabled: true, checkout: true, fulfillment: true },
          picking: { walk_order: { segments: ["zone", "aisle", "shelf", "slot"], serpentine: true } },
          // No secrets_key given here: carrier accounts with secrets cannot be saved until one is.
          shipping: {},
          returns: { guard_store_route: true, guest_token_minutes: 30 },
        })
      })
    })
  },
})

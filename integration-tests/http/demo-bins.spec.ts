// The demo store's bins (scripts/seed/demo-bins.ts, run by `npm run dev` and `npm run seed`):
// every stocked item has a bin at each warehouse that stocks it, pick lists walk them, and
// seeding again adds nothing and keeps a bin someone edited.
import { demoBins, seedDemoBins } from "../../scripts/seed/demo-bins"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { DEMO_LOCATIONS } from "../../scripts/seed/geography"
import { adminHeaders } from "../helpers/admin"
import { waitForDecisions } from "../helpers/routing"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(240_000)

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let firstSeed: { added: number; kept: number }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 8 })
      firstSeed = await seedDemoBins(getContainer(), store)
      await waitForDecisions(getContainer(), store.order_ids)
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    const binsAt = async (locationId: string) =>
      (await api.get(`/admin/oms/bins?stock_location_id=${locationId}&limit=1000`, admin)).data.bins as any[]

    it("gives every stocked item a bin at each warehouse that stocks it, with a walk sequence from its code", async () => {
      expect(firstSeed).toEqual({ added: demoBins().length, kept: 0 })
      for (const location of DEMO_LOCATIONS) {
        const expected = demoBins()
          .filter((b) => b.location === location.key)
          .map((b) => [b.sku, b.code])
        const bins = await binsAt(store.locations[location.key])
        expect(expected.length).toBeGreaterThan(0)
        expect(bins.map((b) => [b.sku, b.code]).sort()).toEqual([...expected].sort())
        for (const bin of bins) expect(bin).toMatchObject({ walk_sequence: expect.any(Number), walk_sequence_source: "code" })
        // The list comes in walk order, and that order is not just the codes sorted as text
        // (serpentine: shelves count down on even aisles).
        const sequences = bins.map((b) => b.walk_sequence)
        expect([...sequences].sort((a, b) => a - b)).toEqual(sequences)
      }
    })

    it("makes pick lists walk bins instead of saying No bin", async () => {
      let stops = 0
      for (const location of DEMO_LOCATIONS) {
        const id = store.locations[location.key]
        const preview = (await api.post("/admin/oms/waves/preview", { stock_location_id: id }, admin)).data
        if (!preview.orders) continue
        const { data } = await api.post("/admin/oms/waves", { stock_location_id: id }, admin)
        const walked = data.wave.pick_list.stops as any[]
        stops += walked.length
        for (const stop of walked) expect(stop.bin_code).toMatch(/^[A-Z]-\d\d-[1-4]-[AB]$/)
        const sequences = walked.map((s) => s.walk_sequence)
        expect(sequences.every((s) => typeof s === "number")).toBe(true)
        expect([...sequences].sort((a, b) => a - b)).toEqual(sequences)
      }
      expect(stops).toBeGreaterThan(0)
    })

    it("adds nothing when run again and keeps a bin someone edited", async () => {
      const newark = store.locations.newark
      const item = (await binsAt(newark))[0]
      await api.post(
        "/admin/oms/bins",
        { stock_location_id: newark, inventory_item_id: item.inventory_item_id, code: "Z-99-9-Z", walk_sequence: 7 },
        admin
      )
      expect(await seedDemoBins(getContainer(), store)).toEqual({ added: 0, kept: demoBins().length })
      const again = (await binsAt(newark)).find((b) => b.inventory_item_id === item.inventory_item_id)
      expect(again).toMatchObject({ code: "Z-99-9-Z", walk_sequence: 7, walk_sequence_source: "manual" })
    })
  },
})
